import assert from "node:assert/strict";
import fc from "fast-check";
import { addCalendarMonths, isRetentionDue, retentionDueAt } from "../../../assessment/retention/retentionDue";

const at = (iso: string) => new Date(iso);

describe("retention rule", () => {
  describe("addCalendarMonths", () => {
    const cases: Array<[string, number, string]> = [
      ["2026-01-15T10:00:00.000Z", 1, "2026-02-15T10:00:00.000Z"],
      ["2026-01-31T23:59:59.999Z", 1, "2026-02-28T23:59:59.999Z"],
      ["2028-01-31T00:00:00.000Z", 1, "2028-02-29T00:00:00.000Z"],
      ["2026-03-31T08:00:00.000Z", 1, "2026-04-30T08:00:00.000Z"],
      ["2026-08-31T12:00:00.000Z", 6, "2027-02-28T12:00:00.000Z"],
      ["2026-11-30T00:00:00.000Z", 3, "2027-02-28T00:00:00.000Z"],
      ["2026-12-15T00:00:00.000Z", 12, "2027-12-15T00:00:00.000Z"],
      ["2028-02-29T06:30:00.000Z", 12, "2029-02-28T06:30:00.000Z"],
    ];
    for (const [from, months, expected] of cases) {
      it(`${from} + ${months} month(s) = ${expected}`, () => {
        assert.equal(addCalendarMonths(at(from), months).toISOString(), expected);
      });
    }

    it("never overshoots into the month after and keeps the time of day (property)", () => {
      fc.assert(
        fc.property(
          fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z"), noInvalidDate: true }),
          fc.integer({ min: 1, max: 120 }),
          (from, months) => {
            const due = addCalendarMonths(from, months);
            const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
            assert.equal(monthIndex(due) - monthIndex(from), months);
            assert.ok(due.getUTCDate() <= from.getUTCDate());
            assert.equal(due.getTime() % 86_400_000, from.getTime() % 86_400_000);
          },
        ),
      );
    });
  });

  describe("isRetentionDue", () => {
    const compiled = "2026-01-31T16:00:00.000Z";

    it("is never due with 0 months (keep forever)", () => {
      assert.equal(retentionDueAt({ lastCompiledAt: compiled }, 0), undefined);
      assert.equal(isRetentionDue({ lastCompiledAt: compiled }, 0, at("2099-01-01T00:00:00Z")), false);
    });

    it("is never due for an assessment that was never compiled", () => {
      assert.equal(isRetentionDue({}, 1, at("2099-01-01T00:00:00Z")), false);
    });

    it("becomes due exactly at the calendar-month anniversary of the last compile, clamped to month end", () => {
      assert.equal(isRetentionDue({ lastCompiledAt: compiled }, 1, at("2026-02-28T15:59:59.999Z")), false);
      assert.equal(isRetentionDue({ lastCompiledAt: compiled }, 1, at("2026-02-28T16:00:00.000Z")), true);
      assert.equal(isRetentionDue({ lastCompiledAt: compiled }, 1, at("2026-03-15T00:00:00.000Z")), true);
    });

    it("is not due again once this compile's raw data was deleted, but is after a later compile", () => {
      const now = at("2027-06-01T00:00:00.000Z");
      assert.equal(isRetentionDue({ lastCompiledAt: compiled, purgedForCompileAt: compiled }, 1, now), false);
      const recompiled = "2027-01-10T09:00:00.000Z";
      assert.equal(isRetentionDue({ lastCompiledAt: recompiled, purgedForCompileAt: compiled }, 1, now), true);
      assert.equal(isRetentionDue({ lastCompiledAt: recompiled, purgedForCompileAt: compiled }, 6, now), false);
    });

    it("treats an unreadable compile date as never compiled rather than due at once", () => {
      assert.equal(isRetentionDue({ lastCompiledAt: "not a date" }, 1, at("2099-01-01T00:00:00Z")), false);
    });
  });
});
