import assert from "node:assert/strict";
import { answerSchema } from "../../../assessment/answers/answer";
import type { Person } from "../../../assessment/answers/person";
import type { Area } from "../../../assessment/framework/frameworkSchema";
import { refuseUnreadableInvoke } from "../../../bot/actions/dispatchAction";
import { checkEntityLimits } from "../../../storage/entityLimits";
import { fromEntity, toEntity } from "../../../storage/entityMapping";
import { answerMapping } from "../../../storage/mappings/responseMappings";
import { composeKey, splitKey } from "../../../storage/tableKeys";
import type { FuzzedCardAction } from "../arbitraries/fuzzedCardAction";
import { hasWarning } from "./hasWarning";
import type { CardVerdict, ExpectedCardStore } from "./expectedCardStore";

export interface InProcessCardSetting {
  area: Area;
  assessmentId: string;
  oracle: ExpectedCardStore;
}

/** Azure forbids these in PartitionKey/RowKey (plus control characters). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is about.
const FORBIDDEN_IN_KEYS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

/**
 * One card payload at the boundary the handlers stand on, without the network or storage I/O
 * (rendering a card costs ~15 ms of template expansion, so it is left to the HTTP share):
 * botbuilder's pre-read refusal, key escaping of every string in the payload, and — when the
 * oracle accepts an answer — the answer's schema and its entity round trip with limits checked.
 */
export function checkCardPayloadInProcess(
  setting: InProcessCardSetting,
  action: FuzzedCardAction,
  person: Person,
): CardVerdict {
  const verdict = setting.oracle.apply(action, person);
  const value =
    action.kind === "raw"
      ? action.value
      : { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: action.trigger };
  const refused = refuseUnreadableInvoke(value);
  if (action.kind === "payload") assert.equal(refused, undefined, "a well-formed Action.Execute reaches the handlers");
  else if (refused) assert.ok(hasWarning(refused.value), "an unreadable invoke is answered with a warning card");

  for (const text of action.kind === "payload"
    ? Object.values(action.data).filter((field): field is string => typeof field === "string")
    : []) {
    const part = text.slice(0, 60);
    const key = composeKey("s", part, person.aadObjectId);
    assert.ok(!FORBIDDEN_IN_KEYS.test(key), `no forbidden character in the key for ${JSON.stringify(part)}`);
    assert.deepEqual(splitKey(key), ["s", part, person.aadObjectId]);
  }

  const saved =
    verdict.outcome === "saved" && action.kind === "payload" && action.verb === "submitAnswer"
      ? [...setting.oracle.answers.values()].at(-1)
      : undefined;
  if (saved) {
    const answer = answerSchema.parse({
      ...saved,
      assessmentId: setting.assessmentId,
      areaNumber: setting.area.number,
      updatedAt: "2026-11-23T12:00:00.000Z",
    });
    const entity = toEntity(answerMapping, answer);
    checkEntityLimits("Responses", entity);
    assert.deepEqual(
      fromEntity(answerMapping, { table: "Responses" }, JSON.parse(JSON.stringify(entity)) as Record<string, unknown>),
      answer,
      "the answer reads back exactly as written",
    );
    assert.deepEqual(splitKey(entity.partitionKey), [
      setting.assessmentId,
      String(setting.area.number).padStart(2, "0"),
    ]);
    assert.deepEqual(splitKey(entity.rowKey), ["s", answer.statementId, person.aadObjectId]);
  }
  return verdict;
}
