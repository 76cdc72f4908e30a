import type { Person } from "../assessment/answers/person";
import type { CompileAssessmentInput } from "../assessment/compile/compileAssessmentInput";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../storage/framework/loadFramework";
import { generateAssessment } from "../simulator/assessment/generateAssessment";
import { makePerson, type TeamsPerson } from "../simulator/teams/people";
import { makeChannel, type TeamsChannel } from "../simulator/teams/teamsActivities";

/** Someone in the demo, as Teams knows them. */
export type CastMember = TeamsPerson;

/** One working group: its area, its channel, its lead(s) and everyone who answers. */
export interface DemoGroup {
  areaNumber: number;
  areaTitle: string;
  channel: TeamsChannel;
  leads: CastMember[];
  members: CastMember[];
}

export interface DemoCast {
  coordinator: CastMember;
  people: CastMember[];
  groups: DemoGroup[];
  /** The generated answers, scores and lead decisions the demo plays through the bot. */
  script: CompileAssessmentInput;
}

export interface CastOptions {
  seed: number;
  /** Which areas get a working group (default all ten). */
  areas?: readonly number[];
  /** Members per group; by default 3–6, drawn from a pool of about 30 people. */
  membersPerArea?: number;
}

/**
 * The people of a council's self-assessment: a coordinator, a lead per area and members from the
 * services a leaving care review brings together. Answers, evidence, ideas, disagreements and lead
 * decisions come from the seeded generator in simulator/, so the demo plays plausible content.
 */
export function buildDemoCast(options: CastOptions): DemoCast {
  const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
  const areas = options.areas ?? framework.areas.map((area) => area.number);
  const script = generateAssessment({
    seed: options.seed,
    framework,
    answeredFraction: 0.96,
    globalModeratedFraction: 0.5,
    areasWithoutGroup: framework.areas.map((area) => area.number).filter((number) => !areas.includes(number)),
    ...(options.membersPerArea === undefined ? {} : { membersPerArea: options.membersPerArea }),
  });
  const byId = new Map<string, CastMember>();
  const castMember = (person: Person): CastMember => {
    const known = byId.get(person.aadObjectId) ?? {
      id: person.teamsUserId,
      aadObjectId: person.aadObjectId,
      name: person.name,
    };
    byId.set(person.aadObjectId, known);
    return known;
  };
  const groups = script.assignments.map((assignment): DemoGroup => {
    const area = framework.areas.find((candidate) => candidate.number === assignment.areaNumber);
    const respondents = [...script.answers, ...script.globalScores]
      .filter((record) => record.areaNumber === assignment.areaNumber)
      .map((record) => record.respondent);
    const leads = assignment.leads.map(castMember);
    const members = uniqueById([...leads, ...respondents.map(castMember)]);
    return {
      areaNumber: assignment.areaNumber,
      areaTitle: area?.title ?? `Area ${assignment.areaNumber}`,
      channel: makeChannel(`Area ${assignment.areaNumber} working group`),
      leads,
      members,
    };
  });
  const coordinator = makePerson("Jo Whitfield");
  return { coordinator, people: [...byId.values()], groups, script };
}

function uniqueById<T extends { aadObjectId: string }>(people: readonly T[]): T[] {
  return [...new Map(people.map((person) => [person.aadObjectId, person])).values()];
}
