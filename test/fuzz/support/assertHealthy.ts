import assert from "node:assert/strict";
import type { BotHarness } from "../../support/botHarness";

/** The bot process still serves /healthz (its storage answers): no input took it down. */
export async function assertHealthy(harness: BotHarness): Promise<void> {
  const response = await fetch(`${harness.url}/healthz`);
  assert.equal(response.status, 200, "the bot still answers /healthz");
}
