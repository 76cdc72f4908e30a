import assert from "node:assert/strict";
import { formatCalendarDate, formatDate, formatDateTime } from "../../../assessment/time/formatDates";

describe("formatDates", () => {
  it("writes a time in the assessment's zone, UK style, across the clock change", () => {
    assert.equal(formatDateTime("2025-03-07T17:08:00Z", "Europe/London"), "7 Mar 2025, 17:08");
    assert.equal(formatDateTime("2025-07-07T16:08:00Z", "Europe/London"), "7 Jul 2025, 17:08");
    assert.equal(formatDateTime("2025-07-07T23:30:00Z", "Europe/London"), "8 Jul 2025, 00:30");
    assert.equal(formatDateTime("2025-07-07T16:08:00Z", "America/New_York"), "7 Jul 2025, 12:08");
  });

  it("gives every instant of a minute that minute's text, and the next minute its own", () => {
    assert.equal(formatDateTime("2025-03-07T17:08:05Z", "Europe/London"), "7 Mar 2025, 17:08");
    assert.equal(formatDateTime("2025-03-07T17:08:59.999Z", "Europe/London"), "7 Mar 2025, 17:08");
    assert.equal(formatDateTime("2025-03-07T17:09:00Z", "Europe/London"), "7 Mar 2025, 17:09");
    assert.equal(formatDateTime("2025-03-07T17:08:30Z", "Asia/Kolkata"), "7 Mar 2025, 22:38");
    assert.equal(formatDateTime("2025-03-07T17:08:30Z", "Europe/London"), "7 Mar 2025, 17:08");
  });

  it("writes the day of an instant where the assessment is", () => {
    assert.equal(formatDate("2025-04-30T12:00:00Z", "Europe/London"), "30 April 2025");
    assert.equal(formatDate("2025-04-30T23:30:00Z", "Europe/London"), "1 May 2025");
  });

  it("writes a calendar date as that day, whatever the host's zone", () => {
    assert.equal(formatCalendarDate("2025-04-30"), "30 April 2025");
    assert.equal(formatCalendarDate("2026-12-18"), "18 December 2026");
  });

  it("never says UTC, and falls back to UTC's clock for a zone the runtime lacks rather than failing", () => {
    assert.equal(formatDateTime("2025-03-07T17:08:00Z", "Mars/Olympus_Mons"), "7 Mar 2025, 17:08");
    for (const text of [formatDateTime("2025-03-07T17:08:00Z", "UTC"), formatDate("2025-03-07T17:08:00Z", "UTC")])
      assert.doesNotMatch(text, /UTC/);
  });
});
