import assert from "node:assert/strict";
import { missedDigestSlot } from "../../../bot/digest/missedDigestSlot";

describe("missedDigestSlot (weekdays 9:00, Europe/London)", () => {
  const missed = (now: string) => missedDigestSlot("0 9 * * 1-5", "Europe/London", new Date(now))?.toISOString();

  it("finds this morning's slot when starting within the catch-up window", () => {
    assert.equal(missed("2026-11-24T10:30:00Z"), "2026-11-24T09:00:00.000Z");
    assert.equal(missed("2026-11-24T09:00:00Z"), "2026-11-24T09:00:00.000Z", "the slot itself counts");
  });

  it("follows the time zone: 9:00 in London is 08:00 UTC in summer", () => {
    assert.equal(missed("2026-07-14T09:15:00Z"), "2026-07-14T08:00:00.000Z");
  });

  it("finds nothing before the slot, outside the window, or on a day without a slot", () => {
    assert.equal(missed("2026-11-24T08:59:00Z"), undefined);
    assert.equal(missed("2026-11-24T13:30:00Z"), undefined, "four and a half hours late is too late");
    assert.equal(missed("2026-11-28T10:00:00Z"), undefined, "a Saturday");
  });
});
