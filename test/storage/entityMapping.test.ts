import assert from "node:assert/strict";
import { fromEntity, toEntity, type EntityMapping } from "../../storage/entityMapping";
import { assessmentMapping } from "../../storage/mappings/assessmentMapping";
import { assignmentMapping } from "../../storage/mappings/assignmentMapping";
import { auditMapping } from "../../storage/mappings/auditMapping";
import { conversationMapping } from "../../storage/mappings/conversationMapping";
import { deliveryMapping } from "../../storage/mappings/deliveryMapping";
import { decisionMapping, globalDecisionMapping } from "../../storage/mappings/moderationMappings";
import { postedCardMapping } from "../../storage/mappings/postedCardMapping";
import {
  answerMapping,
  globalScoreMapping,
  storedAnswerMapping,
  storedGlobalScoreMapping,
} from "../../storage/mappings/responseMappings";
import { StoredEntityInvalidError } from "../../storage/storageErrors";
import { splitKey } from "../../storage/tableKeys";
import {
  aConversationReference,
  aDecision,
  aGlobalDecision,
  aGlobalScore,
  anAnswer,
  anAssessment,
  anAssignment,
  anAuditEntry,
} from "../support/domainFactories";

const where = { table: "Responses", partitionKey: "p", rowKey: "r" };

/** What the SDK hands back: the written properties plus system ones. */
function asRead(entity: object): Record<string, unknown> {
  return { ...entity, etag: 'W/"1"', timestamp: "2026-03-02T10:15:00Z", "odata.etag": 'W/"1"' };
}

function roundTrip<T extends object>(mapping: EntityMapping<T>, value: T): T {
  return fromEntity(mapping, where, asRead(toEntity(mapping, value)));
}

describe("entity mapping", () => {
  it("round-trips every stored type, JSON properties and optional fields included", () => {
    const check = <T extends object>(mapping: EntityMapping<T>, value: T) => {
      assert.deepEqual(roundTrip(mapping, value), value);
    };
    check(assessmentMapping, anAssessment({ deadline: "2026-06-30", completionMethod: "Workshops" }));
    check(assessmentMapping, anAssessment());
    check(assignmentMapping, anAssignment());
    check(answerMapping, anAnswer({ evidence: "Line one\nline two", ideas: "More peer mentors" }));
    check(globalScoreMapping, aGlobalScore());
    const trail = [{ ...anAuditEntry({ action: "answerCreated", after: "3" }), entryId: "0123abcd", areaNumber: 7 }];
    check(storedAnswerMapping, { ...anAnswer(), trail });
    check(storedGlobalScoreMapping, { ...aGlobalScore(), trail });
    assert.equal(typeof toEntity(storedAnswerMapping, { ...anAnswer(), trail })["trail"], "string", "stored as JSON");
    check(decisionMapping, aDecision());
    check(globalDecisionMapping, aGlobalDecision());
    check(auditMapping, {
      ...anAuditEntry({ before: '{"rating":2}', after: '{"rating":3}' }),
      entryId: "0123abcd0123abcd",
    });
    check(postedCardMapping, {
      assessmentId: "a",
      areaNumber: 7,
      cardKey: "7a",
      conversationId: "19:c",
      claimedAt: "t",
      state: "posted",
      activityId: "1",
      postedAt: "t",
    });
    check(deliveryMapping, {
      kind: "digest",
      runKey: "2026-03-02",
      recipient: "29:x",
      claimedAt: "t",
      state: "failed",
      finishedAt: "t",
      failureReason: "403 MessageWritesBlocked",
    });
    check(conversationMapping, { scope: "user" as const, ownerId: "aad-1", reference: aConversationReference() });
  });

  it("stores nested objects as JSON strings and adds flat index columns", () => {
    const entity = toEntity(answerMapping, anAnswer());
    assert.equal(typeof entity["respondent"], "string");
    assert.equal(entity["respondentAadObjectId"], anAnswer().respondent.aadObjectId);
    assert.equal(toEntity(assignmentMapping, anAssignment())["channelId"], "19:channel-7@thread.tacv2");
    assert.ok(
      !("deadline" in toEntity(assessmentMapping, anAssessment())),
      "undefined optional fields are not written",
    );
  });

  it("keys answers by assessment and padded area, then statement and respondent", () => {
    const keys = answerMapping.keysOf(
      anAnswer({ assessmentId: "19:abc@thread.tacv2", areaNumber: 7, statementId: "7a" }),
    );
    assert.deepEqual(splitKey(keys.partitionKey), ["19:abc@thread.tacv2", "07"]);
    assert.deepEqual(splitKey(keys.rowKey), ["s", "7a", anAnswer().respondent.aadObjectId]);
  });

  it("sorts audit rows by time whatever ISO form the entry used", () => {
    const rowKey = (at: string) => auditMapping.keysOf({ ...anAuditEntry({ at }), entryId: "00000000" }).rowKey;
    assert.ok(rowKey("2026-03-02T09:00:00Z") < rowKey("2026-03-02T10:00:00.000Z"));
    assert.throws(() => rowKey("yesterday"), RangeError);
  });

  it("names table, keys and path when a stored entity fails its schema", () => {
    const entity = asRead(toEntity(answerMapping, anAnswer()));
    const invalid = (path: string) => (error: unknown) =>
      error instanceof StoredEntityInvalidError &&
      error.path === path &&
      /Responses/.test(error.message) &&
      /"p", "r"/.test(error.message);
    assert.throws(() => fromEntity(answerMapping, where, { ...entity, rating: 9 }), invalid("rating"));
    assert.throws(
      () => fromEntity(answerMapping, where, { ...entity, respondent: "{not json" }),
      invalid("respondent"),
    );
    assert.throws(
      () => fromEntity(answerMapping, where, { ...entity, respondent: JSON.stringify({ name: "x" }) }),
      invalid("respondent.aadObjectId"),
    );
  });

  it("refuses to write an object property that is not declared as JSON", () => {
    assert.throws(() => toEntity({ ...answerMapping, jsonProperties: [] }, anAnswer()), /respondent/);
  });
});
