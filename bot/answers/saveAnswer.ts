import { answerSchema, type Answer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import { responseAuditId } from "./responseAuditId";
import type { Ports } from "../app/botServices";

export type SaveAnswerServices = Ports<"clock" | "cardUpdater", "responses">;

export interface SaveAnswerInput {
  assignment: AreaAssignment;
  area: Area;
  statement: Statement;
  respondent: Person;
  /** As typed: untrusted text, validated here so every surface applies the same rules. */
  rating: string;
  evidence: string;
  ideas: string;
  /**
   * The round a re-rating card answers (2 after a lead sent the statement back). Answering a later
   * round than the stored answer's keeps the stored one in `earlierRounds`; without it, a change
   * stays in the answer's own round.
   */
  round?: number;
}

export type SaveAnswerResult =
  | { ok: true; answer: Answer; answeredCount: number }
  | { ok: false; reason: "closed" | "invalid" | "storageUnavailable"; message: string; answeredCount: number };

/**
 * Saving (or changing) one member's answer, for every surface (the card and the tab). The caller
 * has checked who may answer; this applies the rules: area open → answer valid → save with its
 * audit entry → the channel card's count refreshed. A refusal says why, so the surface can keep
 * what was typed. One storage round trip in the usual case: one single-entity write of the answer
 * with its audit entry added to the row's trail (so no failure keeps one without the other),
 * conditional on the member's row as
 * this instance last saw it (ResponseRepository.saveAnswer); who has answered, for the card's
 * count, is read alongside when this instance has not read it lately. A round-2 answer reads the
 * stored one first, since it keeps it in the record.
 */
export async function saveAnswer(services: SaveAnswerServices, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  const { assignment, area, statement } = input;
  const { responses } = services.storage;
  const me = input.respondent.aadObjectId;
  const respondents = responses.statementRespondents(assignment.assessmentId, area.number, statement.id);
  if (assignment.status === "closed") {
    return {
      ok: false,
      reason: "closed",
      answeredCount: (await respondents).size,
      message: "This area is closed, so answers can no longer be changed. Your text is shown so you can copy it.",
    };
  }
  const read =
    input.round === undefined
      ? undefined
      : await responses.readStatement(assignment.assessmentId, area.number, statement.id, me);
  const parsed = answerSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    statementId: statement.id,
    respondent: input.respondent,
    rating: input.rating === "" ? undefined : Number(input.rating),
    evidence: input.evidence,
    ideas: input.ideas,
    updatedAt: services.clock().toISOString(),
    ...roundFields(read?.own?.value, input.round),
  });
  if (!parsed.success)
    return {
      ok: false,
      reason: "invalid",
      answeredCount: (await respondents).size,
      message: describeAnswerProblem(parsed.error.issues),
    };
  const answer = parsed.data;
  try {
    const [saved, answered] = await Promise.all([
      responses.saveAnswer(answer, {
        read,
        audit: (previous) => ({
          entry: auditEntryOf(answer, previous),
          entryId: responseAuditId(answer, answer.statementId),
        }),
      }),
      respondents,
    ]);
    if (saved.outcome !== "unchanged") services.cardUpdater.schedule(assignment, statement.id);
    const own = saved.outcome === "unchanged" && saved.previous ? saved.previous : answer;
    return { ok: true, answer: own, answeredCount: countWith(answered, me) };
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      return {
        ok: false,
        reason: "storageUnavailable",
        answeredCount: await countIfKnown(respondents),
        message:
          "Your answer was NOT saved: the bot's storage is not answering. Your text is kept here — please press the button again in a minute.",
      };
    }
    throw error;
  }
}

/** Who has answered, counting the member who just saved: the read may have run before their answer landed. */
export function countWith(answered: ReadonlySet<string>, me: string): number {
  return answered.size + (answered.has(me) ? 0 : 1);
}

/** The count on a "not saved" card: storage that refused the save may refuse the count too (then 0). */
export async function countIfKnown(respondents: Promise<ReadonlySet<string>>): Promise<number> {
  try {
    return (await respondents).size;
  } catch {
    return 0;
  }
}

/** The new answer's round and the earlier rounds it keeps: a later round moves the stored answer into the record. */
function roundFields(own: Answer | undefined, round: number | undefined): Pick<Answer, "round" | "earlierRounds"> {
  const ownRound = own?.round ?? 1;
  const kept = own?.earlierRounds ?? [];
  if (!own || round === undefined || round <= ownRound)
    return { ...(own?.round ? { round: own.round } : {}), ...(kept.length > 0 ? { earlierRounds: kept } : {}) };
  const { rating, evidence, ideas, updatedAt } = own;
  return { round, earlierRounds: [...kept, { round: ownRound, rating, evidence, ideas, updatedAt }] };
}

function auditEntryOf(answer: Answer, previous: Answer | undefined): AuditEntry {
  const round = answer.round ?? 1;
  if (previous && round > (previous.round ?? 1))
    return {
      assessmentId: answer.assessmentId,
      at: answer.updatedAt,
      actorAadObjectId: answer.respondent.aadObjectId,
      action: answer.rating === previous.rating ? "answerConfirmedInRound" : "answerChangedInRound",
      target: answer.statementId,
      before: `round ${previous.round ?? 1}: ${previous.rating}`,
      after: `round ${round}: ${answer.rating}`,
    };
  return {
    assessmentId: answer.assessmentId,
    at: answer.updatedAt,
    actorAadObjectId: answer.respondent.aadObjectId,
    action: previous ? "answerChanged" : "answerCreated",
    target: answer.statementId,
    before: previous ? String(previous.rating) : undefined,
    after: String(answer.rating),
  };
}

function describeAnswerProblem(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const messages = issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    if (field === "rating") return "Choose a rating from 4 (Agree at present) to 1 (Disagree at present).";
    return issue.message;
  });
  return [...new Set(messages)].join(" ");
}
