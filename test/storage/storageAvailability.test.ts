import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { connectionStringFor } from "../../storage/embeddedAzurite";
import { openStorage } from "../../storage/openStorage";
import { StorageUnavailableError } from "../../storage/storageErrors";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { openTestStorage } from "../support/openTestStorage";

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      resolve((server.address() as { port: number }).port);
    }),
  );
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("storage availability", () => {
  it("fails fast with StorageUnavailableError when nothing listens", async () => {
    const storage = openStorage({ connectionString: connectionStringFor(await closedPort()), tablePrefix: "down" });
    const started = Date.now();
    await assert.rejects(
      storage.assessments.get("a"),
      (error: unknown) => error instanceof StorageUnavailableError && /ECONNREFUSED/.test(error.message),
    );
    await assert.rejects(storage.ensureTables(), StorageUnavailableError);
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal((await storage.health()).ok, false);
  });

  it("times out a store that accepts connections but never answers", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    try {
      const storage = openStorage({
        connectionString: connectionStringFor(port),
        tablePrefix: "mute",
        requestTimeoutMs: 300,
      });
      const started = Date.now();
      await assert.rejects(
        storage.assessments.get("a"),
        (error: unknown) => error instanceof StorageUnavailableError && /timed out/.test(error.message),
      );
      assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("reports health: ok when the tables answer, not ok (saying why) when they are missing", async () => {
    const { storage } = await openTestStorage();
    assert.equal((await storage.health()).ok, true);
    const fresh = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: "neverCreated" });
    const health = await fresh.health();
    assert.equal(health.ok, false);
    assert.match(health.detail, /ensureTables/);
  });
});
