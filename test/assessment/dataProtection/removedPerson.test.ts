import assert from "node:assert/strict";
import {
  REMOVED_PERSON,
  redactAssignment,
  redactAuditEntry,
  redactDecider,
} from "../../../assessment/dataProtection/removedPerson";
import { REMOVED_PERSON_NAME } from "../../../assessment/answers/person";
import { aPerson, anAssignment } from "../../support/domainFactories";

const gone = aPerson({ aadObjectId: "0f0f0f0f-0000-4000-8000-00000000000a", name: "Gone Person" });
const other = aPerson({
  aadObjectId: "0f0f0f0f-0000-4000-8000-00000000000b",
  teamsUserId: "29:other",
  name: "Other Lead",
});

describe("redacting an erased person", () => {
  it("replaces who recorded a decision and leaves others' decisions alone", () => {
    const decision = { statementId: "7a", agreedRating: 3, decidedBy: gone };
    assert.deepEqual(redactDecider(decision, gone.aadObjectId), { ...decision, decidedBy: REMOVED_PERSON });
    assert.equal(redactDecider({ ...decision, decidedBy: other }, gone.aadObjectId), undefined);
    assert.equal(REMOVED_PERSON.name, REMOVED_PERSON_NAME);
  });

  it("drops them from an area's leads, or leaves the placeholder when they were the only lead", () => {
    const shared = anAssignment({ leads: [gone, other], assignedBy: other.aadObjectId });
    assert.deepEqual(redactAssignment(shared, gone.aadObjectId)?.leads, [other]);
    const alone = anAssignment({ leads: [gone], assignedBy: gone.aadObjectId });
    const redacted = redactAssignment(alone, gone.aadObjectId);
    assert.deepEqual(redacted?.leads, [REMOVED_PERSON]);
    assert.equal(redacted.assignedBy, REMOVED_PERSON.aadObjectId);
    assert.equal(
      redactAssignment(anAssignment({ leads: [other], assignedBy: other.aadObjectId }), gone.aadObjectId),
      undefined,
    );
  });

  it("scrubs their id from the actor and from the entry's summaries, and nothing else", () => {
    const entry = {
      assessmentId: "a",
      at: "2026-03-02T10:15:00.000Z",
      actorAadObjectId: other.aadObjectId,
      action: "assign",
      target: "area 7",
      before: JSON.stringify({ leads: [gone.aadObjectId] }),
      after: JSON.stringify({ leads: [other.aadObjectId] }),
    };
    const redacted = redactAuditEntry(entry, gone.aadObjectId);
    assert.ok(redacted);
    assert.ok(!JSON.stringify(redacted).includes(gone.aadObjectId));
    assert.equal(redacted.actorAadObjectId, other.aadObjectId);
    assert.equal(redacted.after, entry.after);
    assert.equal(redactAuditEntry({ ...entry, before: undefined }, gone.aadObjectId), undefined);
    assert.equal(
      redactAuditEntry({ ...entry, actorAadObjectId: gone.aadObjectId, before: undefined }, gone.aadObjectId)
        ?.actorAadObjectId,
      REMOVED_PERSON.aadObjectId,
    );
  });
});
