import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TableEntity } from "@azure/data-tables";
import { exportTables } from "../../storage/backup/exportTables";
import { BackupError, importTables } from "../../storage/backup/importTables";
import { createTableClients, ensureTables, type TableClients } from "../../storage/tableClientFactory";
import { TABLE_NAMES, type TableId } from "../../storage/tableNames";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { openTestStorage } from "../support/openTestStorage";
import { openStorage } from "../../storage/openStorage";
import { anAnswer } from "../support/domainFactories";
import { audited, secondAt } from "../support/auditedSaves";

const TABLES = Object.keys(TABLE_NAMES) as TableId[];

function clientsFor(prefix: string): TableClients {
  return createTableClients({ connectionString: testTablesConnectionString(), tablePrefix: prefix });
}

/** Every Edm type the service has, with values that lose something if converted carelessly. */
function typedEntity(table: TableId, partitionKey: string, rowKey: string): TableEntity {
  return {
    partitionKey,
    rowKey,
    text: `${table} ✓ “quoted” — ${rowKey}`,
    empty: "",
    int32: -2147483648,
    int64: { type: "Int64", value: "9007199254740993" }, // beyond a JS number's exact range
    double: 0.1 + 0.2,
    when: new Date("2025-03-07T17:08:09.123Z"),
    whenPrecise: { type: "DateTime", value: "2025-03-07T17:08:09.1234567Z" }, // 100 ns, as .NET writes
    bytes: new Uint8Array([0, 1, 2, 254, 255]),
    flag: false,
    id: { type: "Guid", value: "0b3c6a52-6f1e-4d7a-9a0e-2f5d8c1b7e40" },
  };
}

/** A table's entities exactly as stored: keys, and each property's Edm type and value. */
async function storedEntities(clients: TableClients, table: TableId): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const entity of clients[table].listEntities({ disableTypeConversion: true })) {
    const { etag: _etag, timestamp: _timestamp, ...rest } = entity;
    rows.push(rest);
  }
  return rows;
}

describe("table backup and restore (npm run backup / restore) against Azurite", function () {
  this.timeout(120_000);
  let source: TableClients;
  let folder: string;

  before(async () => {
    source = clientsFor(`bk${randomBytes(4).toString("hex")}`);
    await ensureTables(source);
    for (const table of TABLES) {
      for (const [partition, rows] of [
        ["a|1", 3],
        ["b:2;messageid=3", 2],
      ] as const) {
        for (let row = 0; row < rows; row += 1)
          await source[table].createEntity(typedEntity(table, partition, `r${row}`));
      }
    }
    // One partition larger than a transaction (100), and a property near Azure's 64 KiB string limit.
    const many = Array.from({ length: 230 }, (_, row) => ({
      partitionKey: "big",
      rowKey: `row${String(row).padStart(4, "0")}`,
      n: row,
    }));
    for (let start = 0; start < many.length; start += 100)
      await source.responses.submitTransaction(many.slice(start, start + 100).map((e) => ["create", e]));
    await source.botState.createEntity({ partitionKey: "state", rowKey: "large", json: "é".repeat(30_000) });
    folder = await mkdtemp(path.join(tmpdir(), "table-backup-"));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("exports every table with a manifest and re-imports every entity exactly, types included, under another prefix", async () => {
    const backup = path.join(folder, "full");
    const manifest = await exportTables(source, backup, {
      tablePrefix: "source",
      now: new Date("2026-12-02T05:00:00Z"),
    });
    assert.deepEqual(
      manifest.tables.map((entry) => entry.table),
      TABLES,
    );
    assert.equal(manifest.tables.find((entry) => entry.table === "responses")?.entities, 5 + 230);

    const target = clientsFor(`rs${randomBytes(4).toString("hex")}`);
    await importTables(target, backup, { replaceExisting: false });
    for (const table of TABLES) {
      const [before, after] = await Promise.all([storedEntities(source, table), storedEntities(target, table)]);
      assert.ok(before.length > 0);
      assert.deepEqual(after, before, `table ${table}`);
    }
    const restored = await target.responses.getEntity("a|1", "r0");
    assert.equal(restored["int64"], 9007199254740993n);
    assert.deepEqual(restored["when"], new Date("2025-03-07T17:08:09.123Z"));
    assert.deepEqual([...(restored["bytes"] as Uint8Array)], [0, 1, 2, 254, 255]);
    assert.equal(restored["double"], 0.1 + 0.2);
  });

  it("restores answers with their audit trails: the restored audit lists the same entries", async () => {
    const saved = await openTestStorage();
    for (const [second, rating] of [
      [1, 1],
      [2, 3],
    ] as const) {
      const answer = anAnswer({ rating, updatedAt: secondAt(second) });
      await saved.storage.responses.saveAnswer(answer, audited(answer));
    }
    const backup = path.join(folder, "trails");
    await exportTables(saved.clients, backup, { tablePrefix: saved.tablePrefix, now: new Date() });
    const tablePrefix = `rs${randomBytes(4).toString("hex")}`;
    await importTables(clientsFor(tablePrefix), backup, { replaceExisting: false });
    const restored = openStorage({ connectionString: testTablesConnectionString(), tablePrefix });
    const entries = await saved.storage.audit.list("assessment-1");
    assert.equal(entries.length, 2);
    assert.deepEqual(await restored.audit.list("assessment-1"), entries);
  });

  it("refuses to restore over tables that hold data unless told to replace, and then replaces what the backup has", async () => {
    const backup = path.join(folder, "again");
    await exportTables(source, backup, { tablePrefix: "source", now: new Date() });
    const target = clientsFor(`rs${randomBytes(4).toString("hex")}`);
    await ensureTables(target);
    await target.audit.createEntity({ partitionKey: "a|1", rowKey: "r0", text: "newer" });
    await assert.rejects(
      importTables(target, backup, { replaceExisting: false }),
      (error: unknown) => error instanceof BackupError && /already hold data: .*Audit/.test(error.message),
    );
    assert.equal(
      await storedEntities(target, "responses").then((rows) => rows.length),
      0,
      "nothing written when refused",
    );

    await importTables(target, backup, { replaceExisting: true });
    assert.deepEqual(await storedEntities(target, "audit"), await storedEntities(source, "audit"));
  });

  it("refuses a backup whose files changed after it was written, before writing anything", async () => {
    const backup = path.join(folder, "tampered");
    await exportTables(source, backup, { tablePrefix: "source", now: new Date() });
    const file = path.join(backup, `${TABLE_NAMES.moderation}.jsonl`);
    await writeFile(file, (await readFile(file, "utf8")).replace("r1", "r9"));
    const target = clientsFor(`rs${randomBytes(4).toString("hex")}`);
    await assert.rejects(
      importTables(target, backup, { replaceExisting: false }),
      /Moderation\.jsonl does not match the manifest/,
    );
    await assert.rejects(importTables(target, folder, { replaceExisting: false }), /No manifest\.json/);
  });

  it("backs up a store whose tables were never created as empty tables", async () => {
    const manifest = await exportTables(clientsFor(`nw${randomBytes(4).toString("hex")}`), path.join(folder, "never"), {
      tablePrefix: "new",
      now: new Date(),
    });
    assert.deepEqual(
      manifest.tables.map((entry) => entry.entities),
      TABLES.map(() => 0),
    );
  });

  it("refuses to back up into a folder that already holds files", async () => {
    const backup = path.join(folder, "twice");
    await exportTables(source, backup, { tablePrefix: "source", now: new Date() });
    await assert.rejects(exportTables(source, backup, { tablePrefix: "source", now: new Date() }), /not empty/);
  });
});
