import type { DemoCast } from "./demoCast";
import type { TeamsDriver } from "./teamsDriver";
import { areaCardsByKey } from "./areaCards";

/**
 * Week 0: the coordinator gives the assessment's details in a 1:1 chat (where the bot can reach
 * them later), then in each group's channel assigns the area inline (`assign 7 @Lead`); each lead
 * types `start` and the bot posts the intro, one card per statement and the global score card.
 */
export async function setUpGroups(driver: TeamsDriver, cast: DemoCast, deadline: Date): Promise<number> {
  const { localAuthority, rolesInvolved } = cast.script.details;
  const saved = await driver.inPersonalChat(
    cast.coordinator,
    `details name=${localAuthority} deadline=${deadline.toISOString().slice(0, 10)} roles=${rolesInvolved ?? ""}`,
  );
  if (!JSON.stringify(saved).includes("details saved")) throw new Error("the coordinator's details were not saved");
  for (const group of cast.groups) {
    await driver.inChannel(cast.coordinator, group.channel, `assign ${group.areaNumber}`, group.leads);
  }
  await startGroups(driver, cast);
  // Every card `start` posts is a new post in the channel (intro, statements, global score).
  return driver.connector.recorded.filter((entry) => entry.kind === "create").length;
}

/** Each lead types `start` in their channel; resolves once every area's cards are all posted. */
export async function startGroups(driver: TeamsDriver, cast: DemoCast): Promise<void> {
  const since = driver.mark;
  const startPosts = await Promise.all(
    cast.groups.map((group) => driver.inChannel(group.leads[0] ?? cast.coordinator, group.channel, "start")),
  );
  for (const [index, group] of cast.groups.entries()) {
    const done = await driver.waitForCard(startPosts[index] ?? "", `Area ${group.areaNumber} is`, since);
    if (!JSON.stringify(done).includes(`Area ${group.areaNumber} is ready`))
      throw new Error(`area ${group.areaNumber} was only partly posted`);
  }
  const cards = areaCardsByKey(driver.connector);
  for (const group of cast.groups) {
    const area = cast.script.framework.areas.find((candidate) => candidate.number === group.areaNumber);
    const answerCards = [...cards.keys()].filter((key) => key.startsWith(`${group.areaNumber}|`)).length;
    if (answerCards !== (area?.statements.length ?? 0) + 1)
      throw new Error(`start posted ${answerCards} answer cards in area ${group.areaNumber}`);
  }
}
