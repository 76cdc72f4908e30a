import { analyseArea } from "../../../assessment/consensus/areaConsensus";
import { parseProposals } from "../../../assessment/digest/proposals";
import type { ConsensusThresholds } from "../../../assessment/consensus/consensusThresholds";
import type { Answer } from "../../../assessment/answers/answer";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import type { Person } from "../../../assessment/answers/person";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import type { FuzzedCardAction } from "../arbitraries/fuzzedCardAction";

/**
 * The fuzzers' oracle for card actions: what the bot SHOULD do with each input, written from the
 * contract (cards' ids must match the stored assessment and area, free text is cleaned and
 * refused — never truncated — over its limit, ratings are 1–4, scores whole numbers 0–max), and
 * a model of what must be stored afterwards. Deliberately not calling the handlers' own parsing.
 */
export type CardVerdict =
  | { outcome: "saved"; marker: string }
  /** `kept`: the texts the refusal card must give back (a member's own statement card). */
  | { outcome: "refused"; kept?: StoredText }
  | { outcome: "shown" };

export interface OracleSetting {
  assessmentId: string;
  areaNumber: number;
  statementIds: readonly string[];
  globalScoreMax: number;
  consensus: ConsensusThresholds;
}

export interface StoredText {
  evidence: string;
  ideas: string;
}

/** What Teams' text inputs send; anything else is read as "nothing typed". */
function text(data: Record<string, unknown>, key: string): string {
  const value = Object.hasOwn(data, key) ? data[key] : undefined;
  return typeof value === "string" ? value : "";
}

/** The cleaning the framework's answer schema promises: control characters (not \n \t \r) removed, trimmed. */
function cleaned(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about.
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim();
}

/** A rating as the statement card's ChoiceSet sends it; JavaScript's Number() reading is the contract today (see report). */
function rating(value: string): RatingValue | undefined {
  const number = value === "" ? Number.NaN : Number(value);
  return number === 1 || number === 2 || number === 3 || number === 4 ? number : undefined;
}

/** A score: a whole number 0–max, surrounding blanks allowed (the rule submitGlobalScore applies). */
function score(value: string, max: number): number | undefined {
  const trimmed = value.trim();
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) <= max ? Number(trimmed) : undefined;
}

/** z.coerce.number()'s reading of a card's areaNumber, without letting a hostile valueOf throw. */
function coercedNumber(value: unknown): number {
  try {
    return Number(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * The moderation guard: a Record button that names the decision its card showed (`replacing`, ""
 * for none, as the digest card sends it) is refused over any other stored one. A fuzzed or
 * harvested value never equals a stored decision's time, so any stored decision refuses it.
 */
function overwritesUnseen(data: Record<string, unknown>, stored: object | undefined): boolean {
  return typeof data["replacing"] === "string" && stored !== undefined;
}

export class ExpectedCardStore {
  readonly answers = new Map<
    string,
    Pick<Answer, "statementId" | "rating" | "evidence" | "ideas"> & { respondent: Person }
  >();
  readonly globalScores = new Map<string, number>();
  readonly decisions = new Map<string, { agreedRating: RatingValue; rationale: string }>();
  globalDecision: { agreedScore: number; rationale: string } | undefined;

  constructor(readonly setting: OracleSetting) {}

  /** Predicts the verdict for one action by `person` and updates the model when it must be stored. */
  apply(action: FuzzedCardAction, person: Person): CardVerdict {
    if (action.kind === "raw") return { outcome: "refused" };
    const { verb, data, sender } = action;
    const statementRequired =
      verb === "submitAnswer" ||
      verb === "recordDecision" ||
      (verb === "showMyAnswer" && data["statementId"] !== "global");
    const identity = this.identity(data, statementRequired);
    if (!identity || sender === "outsider") return { outcome: "refused" };
    switch (verb) {
      case "showMyAnswer":
        return { outcome: "shown" };
      case "submitAnswer":
        return this.submitAnswer(identity, data, person);
      case "submitGlobalScore": {
        const value = score(text(data, "score"), this.setting.globalScoreMax);
        if (value === undefined) return { outcome: "refused" };
        this.globalScores.set(person.aadObjectId, value);
        return { outcome: "saved", marker: "Your score is saved" };
      }
      case "recordDecision":
        return this.recordDecision(identity, data);
      case "recordGlobalDecision": {
        const agreed = score(text(data, "agreedGlobalScore"), this.setting.globalScoreMax);
        const rationale = cleaned(text(data, "globalRationale"));
        if (agreed === undefined || rationale.length > ANSWER_LIMITS.rationaleMaxChars) return { outcome: "refused" };
        if (overwritesUnseen(data, this.globalDecision)) return { outcome: "refused" };
        this.globalDecision = { agreedScore: agreed, rationale };
        return { outcome: "saved", marker: `Agreed global score for area ${this.setting.areaNumber} recorded` };
      }
      case "acceptModalRatings": {
        if (typeof data["proposals"] !== "string") {
          this.acceptModalRatings();
          return { outcome: "saved", marker: `in area ${this.setting.areaNumber}` };
        }
        // A digest card's own proposals: posted before any answer they are empty; any other list
        // names answers that have changed since (fingerprints never match a fuzzed text), so it is refused.
        const proposals = parseProposals(data["proposals"]);
        const inArea = proposals?.filter((proposal) => this.setting.statementIds.includes(proposal.statementId));
        return inArea === undefined || inArea.length > 0
          ? { outcome: "refused" }
          : { outcome: "saved", marker: `in area ${this.setting.areaNumber}` };
      }
      default:
        // Unknown verbs and the assignment dialog's verbs (no assignment dialog is running).
        return { outcome: "refused" };
    }
  }

  /** The statement id when the card's identity matches the stored assessment and area, else undefined. */
  private identity(data: Record<string, unknown>, statementRequired: boolean): string | undefined {
    const statementId = Object.hasOwn(data, "statementId")
      ? data["statementId"]
      : statementRequired
        ? undefined
        : "global";
    if (
      data["assessmentId"] !== this.setting.assessmentId ||
      coercedNumber(data["areaNumber"]) !== this.setting.areaNumber
    )
      return undefined;
    if (typeof statementId !== "string" || statementId.length < 1 || statementId.length > 16) return undefined;
    if (statementRequired && !this.setting.statementIds.includes(statementId)) return undefined;
    return statementId;
  }

  private submitAnswer(statementId: string, data: Record<string, unknown>, person: Person): CardVerdict {
    const value = rating(text(data, "rating"));
    const entered: StoredText = { evidence: cleaned(text(data, "evidence")), ideas: cleaned(text(data, "ideas")) };
    if (
      value === undefined ||
      entered.evidence.length > ANSWER_LIMITS.evidenceMaxChars ||
      entered.ideas.length > ANSWER_LIMITS.ideasMaxChars
    ) {
      return { outcome: "refused", kept: { evidence: text(data, "evidence"), ideas: text(data, "ideas") } };
    }
    const key = `${statementId}|${person.aadObjectId}`;
    // Re-inserted so the map's last entry is always the latest saved answer.
    this.answers.delete(key);
    this.answers.set(key, { statementId, respondent: person, rating: value, ...entered });
    return { outcome: "saved", marker: "Your answer is saved" };
  }

  private recordDecision(statementId: string, data: Record<string, unknown>): CardVerdict {
    const agreed = rating(text(data, `agreed_${statementId}`));
    const rationale = cleaned(text(data, `rationale_${statementId}`));
    // The group's agreed evidence and ideas (optional) have the answers' limits, counted as zod 4's
    // string max counts: in code points (an emoji is one), not UTF-16 units.
    const agreedEvidence = cleaned(text(data, `agreedEvidence_${statementId}`));
    const agreedIdeas = cleaned(text(data, `agreedIdeas_${statementId}`));
    if (
      agreed === undefined ||
      rationale.length > ANSWER_LIMITS.rationaleMaxChars ||
      Array.from(agreedEvidence).length > ANSWER_LIMITS.evidenceMaxChars ||
      Array.from(agreedIdeas).length > ANSWER_LIMITS.ideasMaxChars ||
      overwritesUnseen(data, this.decisions.get(statementId))
    )
      return { outcome: "refused" };
    this.decisions.set(statementId, { agreedRating: agreed, rationale });
    return { outcome: "saved", marker: `Agreed rating for ${statementId} recorded` };
  }

  /** Unflagged statements without a decision get the group's consensus rating (pure core's rule). */
  private acceptModalRatings(): void {
    const answers: Answer[] = [...this.answers.values()].map((answer) => ({
      ...answer,
      assessmentId: this.setting.assessmentId,
      areaNumber: this.setting.areaNumber,
      updatedAt: "",
    }));
    const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
    const consensus = analyseArea(
      {
        areaNumber: this.setting.areaNumber,
        statementIds: this.setting.statementIds,
        answers,
        globalScores: [],
        members: Math.max(respondents, 1),
        globalScoreMax: this.setting.globalScoreMax,
      },
      this.setting.consensus,
    );
    for (const statement of consensus.statements) {
      if (statement.flagged || statement.consensusRating === null || this.decisions.has(statement.statementId))
        continue;
      this.decisions.set(statement.statementId, {
        agreedRating: statement.consensusRating,
        rationale: "Accepted the proposed rating: the group agreed or nearly agreed (no disagreement flagged).",
      });
    }
  }
}
