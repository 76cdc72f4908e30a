import type { RatingValue } from "../assessment/framework/frameworkSchema";
import { seededRandom } from "../simulator/assessment/generateAssessmentRandom";
import type { CastMember, DemoCast } from "./demoCast";

/** The answering weeks; week 4 is moderation and the compile. */
export type AnswerWeek = 1 | 2 | 3;
export const ANSWER_WEEKS: readonly AnswerWeek[] = [1, 2, 3];

export interface PlannedAnswer {
  member: CastMember;
  areaNumber: number;
  statementId: string;
  rating: RatingValue;
  evidence: string;
  ideas: string;
  week: AnswerWeek;
  /** A first rating given in `week` and changed to `rating` in week 3, as people do after a meeting. */
  firstRating?: RatingValue;
}

export interface PlannedScore {
  member: CastMember;
  areaNumber: number;
  score: number;
}

export interface SubmissionPlan {
  answers: PlannedAnswer[];
  /** Global scores come last, in week 3, once people have been through the statements. */
  scores: PlannedScore[];
}

const CHANGE_CHANCE = 0.06;

/**
 * When each member answers: statements in order, at their own pace (a quarter to a half in week 1,
 * most by the end of week 2, the rest in week 3), and a few answers revisited later.
 */
export function planSubmissions(cast: DemoCast, seed: number): SubmissionPlan {
  const random = seededRandom(seed ^ 0x5eed);
  const member = (aadObjectId: string): CastMember => {
    const found = cast.people.find((person) => person.aadObjectId === aadObjectId);
    if (!found) throw new Error(`planSubmissions: ${aadObjectId} is not in the cast`);
    return found;
  };
  const byMemberArea = new Map<string, PlannedAnswer[]>();
  for (const answer of cast.script.answers) {
    const key = `${answer.areaNumber}|${answer.respondent.aadObjectId}`;
    const list = byMemberArea.get(key) ?? [];
    list.push({
      member: member(answer.respondent.aadObjectId),
      areaNumber: answer.areaNumber,
      statementId: answer.statementId,
      rating: answer.rating,
      evidence: answer.evidence,
      ideas: answer.ideas,
      week: 1,
    });
    byMemberArea.set(key, list);
  }
  const answers: PlannedAnswer[] = [];
  for (const list of byMemberArea.values()) {
    const endOfWeek1 = 0.25 + random.next() * 0.25;
    const endOfWeek2 = 0.6 + random.next() * 0.3;
    list.forEach((planned, index) => {
      const position = index / list.length;
      const week: AnswerWeek = position < endOfWeek1 ? 1 : position < endOfWeek2 ? 2 : 3;
      const changes = week < 3 && random.chance(CHANGE_CHANCE);
      answers.push({ ...planned, week, ...(changes ? { firstRating: otherRating(planned.rating) } : {}) });
    });
  }
  const scores = cast.script.globalScores.map((score) => ({
    member: member(score.respondent.aadObjectId),
    areaNumber: score.areaNumber,
    score: score.score,
  }));
  return { answers, scores };
}

/** A neighbouring rating: the first impression before the group's discussion. */
function otherRating(rating: RatingValue): RatingValue {
  return rating === 4 ? 3 : ((rating + 1) as RatingValue);
}
