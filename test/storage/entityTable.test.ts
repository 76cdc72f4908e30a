import assert from "node:assert/strict";
import { z } from "zod";
import { mappingCodec, type EntityMapping } from "../../storage/entityMapping";
import { EntityTable } from "../../storage/entityTable";
import { retryOnConflict } from "../../storage/retryOnConflict";
import {
  ConcurrencyConflictError,
  InvalidEntityError,
  StorageLimitError,
  StoredEntityInvalidError,
} from "../../storage/storageErrors";
import { composeKey } from "../../storage/tableKeys";
import { anAnswer, anAssessment } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

const counterSchema = z.object({ id: z.string(), count: z.number().int(), note: z.string().optional() });
type Counter = z.infer<typeof counterSchema>;
const counterMapping: EntityMapping<Counter> = {
  schema: counterSchema,
  jsonProperties: [],
  keysOf: (counter) => ({ partitionKey: "counters", rowKey: composeKey(counter.id) }),
};

async function countRows(test: TestStorage, table: "responses" | "assessments" | "botState"): Promise<number> {
  let rows = 0;
  for await (const _row of test.clients[table].listEntities()) rows++;
  return rows;
}

const conflict = (status: number) => (error: unknown) =>
  error instanceof ConcurrencyConflictError && error.statusCode === status;

describe("EntityTable against Azurite", () => {
  let test: TestStorage;
  let counters: EntityTable<Counter>;

  beforeEach(async () => {
    test = await openTestStorage();
    counters = new EntityTable(test.clients.botState, mappingCodec(counterMapping));
  });

  it("refuses a 40,000-character string property (80 KB in UTF-16, over Azure's 64 KiB) and writes nothing", async () => {
    await assert.rejects(
      counters.create({ id: "wide", count: 1, note: "e".repeat(40_000) }),
      (error: unknown) => error instanceof StorageLimitError && /"note"/.test(error.message),
    );
    assert.equal(await countRows(test, "botState"), 0);
  });

  it("refuses to write a value its own schema would refuse to read back, and writes nothing", async () => {
    const answer = anAnswer({ evidence: "e".repeat(40_000) });
    await assert.rejects(
      test.storage.responses.saveAnswer(answer),
      (error: unknown) => error instanceof InvalidEntityError && error.path === "evidence",
    );
    await assert.rejects(
      counters.create({ id: "x", count: 1.5 }),
      (error: unknown) => error instanceof InvalidEntityError && error.path === "count",
    );
    assert.equal(await countRows(test, "responses"), 0);
    assert.equal(await countRows(test, "botState"), 0);
  });

  it("refuses a 1.1 MiB entity and writes nothing", async () => {
    const note = "n".repeat(32_000);
    const wide = new EntityTable(test.clients.botState, {
      keysOf: () => ({ partitionKey: "p", rowKey: "r" }),
      toEntity: () => ({
        partitionKey: "p",
        rowKey: "r",
        ...Object.fromEntries(Array.from({ length: 18 }, (_, index) => [`n${index}`, note])),
      }),
      fromEntity: () => ({}),
    });
    await assert.rejects(
      wide.create({}),
      (error: unknown) => error instanceof StorageLimitError && error.actual > 1024 * 1024,
    );
    assert.equal(await countRows(test, "botState"), 0);
  });

  it("refuses a key over 1 KiB and writes nothing", async () => {
    await assert.rejects(test.storage.assessments.create(anAssessment({ id: "x".repeat(600) })), StorageLimitError);
    assert.equal(await countRows(test, "assessments"), 0);
  });

  it("rejects a second create with 409 and a stale replace with 412", async () => {
    const created = await counters.create({ id: "c", count: 0 });
    await assert.rejects(counters.create({ id: "c", count: 5 }), conflict(409));
    await counters.replace({ id: "c", count: 1 }, created.version);
    await assert.rejects(counters.replace({ id: "c", count: 2 }, created.version), conflict(412));
    assert.equal((await counters.get({ partitionKey: "counters", rowKey: "c" }))?.value.count, 1);
  });

  it("treats replacing a deleted entity as a conflict", async () => {
    const created = await counters.create({ id: "gone", count: 0 });
    assert.equal(await counters.delete(counterMapping.keysOf(created.value)), true);
    assert.equal(await counters.delete(counterMapping.keysOf(created.value)), false);
    await assert.rejects(counters.replace({ id: "gone", count: 1 }, created.version), conflict(404));
  });

  it("keeps both of two concurrent increments when retryOnConflict re-reads", async () => {
    const keys = counterMapping.keysOf({ id: "n", count: 0 });
    await counters.create({ id: "n", count: 0 });
    let reads = 0;
    let bothRead: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    const increment = () =>
      retryOnConflict(async () => {
        const current = await counters.get(keys);
        assert.ok(current);
        // The first round of both writers reads the same version, so one of them must conflict.
        if (++reads === 2) bothRead();
        if (reads <= 2) await barrier;
        await counters.replace({ ...current.value, count: current.value.count + 1 }, current.version);
      });
    await Promise.all([increment(), increment()]);
    assert.equal((await counters.get(keys))?.value.count, 2);
    assert.equal(reads, 3, "exactly one writer re-read after its conflict");
  });

  it("gives up after the given attempts and passes the conflict on", async () => {
    let attempts = 0;
    const alwaysConflicting = () => {
      attempts++;
      return Promise.reject(new ConcurrencyConflictError({ table: "T" }, 412));
    };
    await assert.rejects(retryOnConflict(alwaysConflicting, { attempts: 3 }), ConcurrencyConflictError);
    assert.equal(attempts, 3);
  });

  it("updateWith writes nothing when the mutation returns undefined", async () => {
    const keys = counterMapping.keysOf({ id: "u", count: 0 });
    const first = await counters.updateWith(keys, (current) => current ?? { id: "u", count: 1 });
    assert.equal(first.written, true);
    const second = await counters.updateWith(keys, () => undefined);
    assert.deepEqual(
      { written: second.written, version: second.current?.version },
      { written: false, version: first.current?.version },
    );
    await assert.rejects(
      counters.updateWith(keys, () => ({ id: "other", count: 1 })),
      /other keys/,
    );
  });

  it("fails with StoredEntityInvalidError, naming table, keys and path, for a badly shaped entity", async () => {
    const answer = anAnswer();
    const keys = {
      partitionKey: composeKey(answer.assessmentId, "07"),
      rowKey: composeKey("s", "7a", answer.respondent.aadObjectId),
    };
    await test.clients.responses.createEntity({
      ...keys,
      assessmentId: answer.assessmentId,
      areaNumber: 7,
      statementId: "7a",
      respondent: "{}",
      rating: "three",
    });
    const invalid = (error: unknown) =>
      error instanceof StoredEntityInvalidError &&
      error.location.table === `${test.tablePrefix}Responses` &&
      error.location.rowKey === keys.rowKey &&
      error.path === "respondent.aadObjectId";
    await assert.rejects(
      test.storage.responses.getAnswer(answer.assessmentId, 7, "7a", answer.respondent.aadObjectId),
      invalid,
    );
    await assert.rejects(test.storage.responses.listAreaAnswers(answer.assessmentId, 7), invalid);
  });
});
