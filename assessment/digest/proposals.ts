import { ratingValueSchema, type RatingValue } from "../framework/frameworkSchema";

/** A rating the digest proposed, and the answers (their fingerprint) it was proposed from. */
export interface Proposal {
  statementId: string;
  rating: RatingValue;
  answersVersion: string;
}

/** "7a=4@3.1a2b3c4d;7c=2@3.99aa00ff": compact enough for a card's action data with every statement of an area. */
export function formatProposals(proposals: readonly Proposal[]): string {
  return proposals.map((proposal) => `${proposal.statementId}=${proposal.rating}@${proposal.answersVersion}`).join(";");
}

/** The proposals a card carried; undefined when the text is not in that form (a forged or damaged card). */
export function parseProposals(text: string): Proposal[] | undefined {
  if (text === "") return [];
  const proposals: Proposal[] = [];
  for (const part of text.split(";")) {
    const match = /^([0-9]{1,3}[a-z]{1,2})=([1-4])@([0-9]{1,4}\.[0-9a-f]{8})$/.exec(part);
    const rating = ratingValueSchema.safeParse(Number(match?.[2]));
    if (!match || !rating.success) return undefined;
    proposals.push({ statementId: match[1] as string, rating: rating.data, answersVersion: match[3] as string });
  }
  return proposals;
}
