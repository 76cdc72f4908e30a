import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { ConnectorStandIn } from "../../simulator/teams/connectorStandIn";
import { makePerson, type TeamsPerson } from "../../simulator/teams/people";
import { channelMessage, makeChannel, type TeamsChannel } from "../../simulator/teams/teamsActivities";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { startBotProcess, type BotProcess } from "../support/botProcess";

/**
 * Working groups served by bots in child processes (test/support/botProcess) on one set of
 * tables, with the connector stand-in in the test process: processes come and go (killed,
 * restarted), the tables and what Teams received stay.
 */
export interface ProcessGroups {
  connector: ConnectorStandIn;
  tablePrefix: string;
  coordinator: TeamsPerson;
  lead: TeamsPerson;
  channels: Map<number, TeamsChannel>;
  startBot(env?: Record<string, string>): Promise<BotProcess>;
  say(bot: BotProcess, from: TeamsPerson, areaNumber: number, text: string, mentions?: TeamsPerson[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * `tablesConnectionString`: storage as the bots see it (e.g. through test/support/storageFaultProxy); default: the test Azurite.
 * `embeddedAzurite`: each bot runs the embedded default on this folder and port instead (what `npm start` does).
 */
export async function startProcessGroups(
  areaNumbers: readonly number[],
  options: { tablesConnectionString?: string; embeddedAzurite?: { location: string; port: number } } = {},
): Promise<ProcessGroups> {
  const connector = new ConnectorStandIn();
  await connector.start();
  const coordinator = makePerson("Chris Coordinator");
  const lead = makePerson("Lee Lead");
  connector.roster = [lead];
  const tablePrefix = `f${randomBytes(5).toString("hex")}`;
  const channels = new Map(areaNumbers.map((area) => [area, makeChannel(`Area ${area} group`)] as const));
  const started = new Set<BotProcess>();
  return {
    connector,
    tablePrefix,
    coordinator,
    lead,
    channels,
    async startBot(env) {
      const embedded = options.embeddedAzurite;
      const bot = await startBotProcess({
        tablesConnectionString: embedded ? undefined : (options.tablesConnectionString ?? testTablesConnectionString()),
        tablePrefix,
        coordinators: [coordinator.aadObjectId],
        env: {
          ...(embedded ? { AZURITE_LOCATION: embedded.location, AZURITE_PORT: String(embedded.port) } : {}),
          ...env,
        },
      });
      started.add(bot);
      return bot;
    },
    async say(bot, from, areaNumber, text, mentions) {
      const channel = channels.get(areaNumber);
      if (!channel) throw new Error(`no channel for area ${areaNumber}`);
      const response = await bot.post(channelMessage({ serviceUrl: connector.url, from, channel, text, mentions }));
      assert.equal(response.status, 200, `${text} in area ${areaNumber}`);
    },
    async close() {
      await Promise.all([...started].map((bot) => bot.kill()));
      await connector.stop();
    },
  };
}
