import { startLocalBot, type LocalBot, type LocalBotOptions } from "../../simulator/localBot";
import { testTablesConnectionString } from "./azuriteForTests";

/**
 * The real bot on a free port over real Azurite (a fresh set of tables per harness), talking to a
 * connector stand-in: tests drive it with HTTP POSTs of Teams-shaped activities, as Teams would.
 * (simulator/localBot.ts, on the tests' Azurite unless told otherwise.)
 */
export type BotHarness = LocalBot;

export interface HarnessOptions extends Omit<LocalBotOptions, "tablesConnectionString"> {
  /** Storage as the bot sees it (e.g. through test/support/storageFaultProxy); default: the test Azurite. */
  tablesConnectionString?: string;
}

export function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  return startLocalBot({
    ...options,
    tablesConnectionString: options.tablesConnectionString ?? testTablesConnectionString(),
  });
}
