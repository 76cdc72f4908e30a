import assert from "node:assert/strict";
import { anAuditEntry } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

describe("AuditRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("appends entries and lists them oldest first, even entries in the same millisecond", async () => {
    const later = anAuditEntry({ at: "2026-03-02T11:00:00.000Z", action: "close", before: "open", after: "closed" });
    const earlier = anAuditEntry({ at: "2026-03-02T09:00:00Z", action: "assign" });
    const same = Array.from({ length: 5 }, (_, index) =>
      anAuditEntry({ at: "2026-03-02T10:00:00.000Z", action: `answer ${index}` }),
    );
    await Promise.all([later, earlier, ...same].map((entry) => test.storage.audit.append(entry)));
    const listed = await test.storage.audit.list("assessment-1");
    assert.equal(listed.length, 7);
    assert.deepEqual(listed[0], earlier);
    assert.deepEqual(listed[6], later);
    assert.deepEqual(
      listed
        .slice(1, 6)
        .map((entry) => entry.action)
        .sort(),
      same.map((entry) => entry.action),
    );
    assert.deepEqual(await test.storage.audit.list("other"), []);
  });
});
