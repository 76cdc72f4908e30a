import type { DemoCast, DemoGroup } from "./demoCast";
import type { ReceivedCard, TeamsDriver } from "./teamsDriver";
import { personalCardsForArea } from "./areaCards";
import { dayOf, type SteppedClock } from "./steppedClock";

/** What one lead did with their area's digest. */
export interface AreaModeration {
  areaNumber: number;
  /** The digest pages as the lead received them, before deciding anything. */
  digest: ReceivedCard[];
  decisions: number;
  accepted: number;
  globalDecided: boolean;
  /** The free text the lead typed (rationales), so callers can check it never reaches a log. */
  typedText: string[];
}

/**
 * Week 4: leads close their areas; the coordinator sends the digests (`digest 1,2,…` in their 1:1
 * chat); each lead, from the digest in their own 1:1 chat, records the agreed rating with a
 * rationale for the disagreements they settled at the group meeting, accepts the group's rating
 * for unflagged statements (two leads in three do) and, where agreed, the global score. The
 * disagreements they did not settle stay open, so the compile shows them as unresolved.
 */
export async function moderateFromDigests(
  driver: TeamsDriver,
  cast: DemoCast,
  clock: SteppedClock,
  start: Date,
): Promise<AreaModeration[]> {
  clock.set(dayOf(start, 4, 0, 9));
  for (const group of cast.groups) await driver.inChannel(group.leads[0] ?? cast.coordinator, group.channel, "close");
  clock.set(dayOf(start, 4, 0, 10));
  const since = driver.mark;
  await driver.inPersonalChat(cast.coordinator, `digest ${cast.groups.map((group) => group.areaNumber).join(",")}`);
  // The bot confirms in the coordinator's chat once every digest page is in the leads' chats.
  const sent = await driver.waitForCard(`a:personal-${cast.coordinator.id}`, "Digest sent to", since);
  if (!JSON.stringify(sent).includes(`Digest sent to ${cast.groups.length} lead(s)`))
    throw new Error("not every lead got the digest");
  const digests = new Map(
    cast.groups.map((group) => [
      group.areaNumber,
      personalCardsForArea(driver.connector, leadOf(group, cast).id, group.areaNumber),
    ]),
  );
  clock.set(dayOf(start, 4, 2, 14));
  return Promise.all(
    cast.groups.map((group, index) =>
      moderateArea(driver, cast, group, digests.get(group.areaNumber) ?? [], index % 3 !== 2),
    ),
  );
}

async function moderateArea(
  driver: TeamsDriver,
  cast: DemoCast,
  group: DemoGroup,
  digest: ReceivedCard[],
  acceptsRest: boolean,
): Promise<AreaModeration> {
  if (digest.length === 0) throw new Error(`the lead of area ${group.areaNumber} got no digest`);
  const lead = leadOf(group, cast);
  const outcome: AreaModeration = {
    areaNumber: group.areaNumber,
    digest,
    decisions: 0,
    accepted: 0,
    globalDecided: false,
    typedText: [],
  };
  for (const decision of cast.script.decisions.filter((candidate) => candidate.areaNumber === group.areaNumber)) {
    const page = pageWith(digest, decision.statementId);
    const id = decision.statementId;
    await driver.press(
      lead,
      page,
      undefined,
      "recordDecision",
      { [`agreed_${id}`]: String(decision.agreedRating), [`rationale_${id}`]: decision.rationale },
      { statementId: id },
    );
    outcome.decisions += 1;
    outcome.typedText.push(decision.rationale);
  }
  const firstPage = digest[0] as ReceivedCard;
  if (acceptsRest) {
    const decided = new Set(
      cast.script.decisions
        .filter((candidate) => candidate.areaNumber === group.areaNumber)
        .map((candidate) => candidate.statementId),
    );
    const shown = await driver.press(lead, firstPage, undefined, "acceptModalRatings", {}, {}, (card) =>
      onlyOwnDecisionsKept(card, decided),
    );
    outcome.accepted = Number(/Accepted (\d+) rating/.exec(JSON.stringify(shown))?.[1] ?? 0);
  }
  const global = cast.script.globalDecisions.find((candidate) => candidate.areaNumber === group.areaNumber);
  if (global) {
    await driver.press(lead, firstPage, undefined, "recordGlobalDecision", {
      agreedGlobalScore: String(global.agreedScore),
      globalRationale: global.rationale,
    });
    outcome.globalDecided = true;
    outcome.typedText.push(global.rationale);
  }
  return outcome;
}

/**
 * The digest proposes every statement without a disagreement, and a lead may settle some of those at
 * the meeting too (in a later cycle the scripted decisions fall on statements whose ratings moved into
 * agreement): accepting the rest then keeps the lead's decisions, refusing those as "already decided".
 * That notice is the intended outcome when something was accepted and every refusal is one this lead
 * just decided; any other refusal (answers changed since the digest) still stops the run.
 */
function onlyOwnDecisionsKept(shown: Record<string, unknown>, decided: ReadonlySet<string>): boolean {
  const text = JSON.stringify(shown);
  const notAccepted = /Not accepted: ([^"]*?)\. Type/.exec(text)?.[1];
  if (!/Accepted \d+ rating/.test(text) || notAccepted === undefined) return false;
  return notAccepted.split(", ").every((entry) => {
    const id = /^(\S+) \(already decided\)$/.exec(entry)?.[1];
    return id !== undefined && decided.has(id);
  });
}

function pageWith(digest: readonly ReceivedCard[], statementId: string): ReceivedCard {
  const page = digest.find((candidate) => JSON.stringify(candidate.card).includes(`"agreed_${statementId}"`));
  if (!page) throw new Error(`no digest page offers a decision on ${statementId}`);
  return page;
}

function leadOf(group: DemoGroup, cast: DemoCast) {
  return group.leads[0] ?? cast.coordinator;
}
