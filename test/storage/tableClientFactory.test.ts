import assert from "node:assert/strict";
import { allowsInsecureConnection, createTableClients } from "../../storage/tableClientFactory";
import { TABLE_NAMES } from "../../storage/tableNames";
import { openTestStorage } from "../support/openTestStorage";

describe("tableClientFactory", () => {
  it("allows plain http only to an emulator on this machine", () => {
    assert.equal(
      allowsInsecureConnection("AccountName=a;AccountKey=k;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1"),
      true,
    );
    assert.equal(
      allowsInsecureConnection("AccountName=a;AccountKey=k;TableEndpoint=http://localhost:10002/devstoreaccount1;"),
      true,
    );
    assert.equal(allowsInsecureConnection("UseDevelopmentStorage=true"), true);
    assert.equal(
      allowsInsecureConnection("AccountName=a;AccountKey=k;TableEndpoint=http://storage.example.com/a"),
      false,
    );
    assert.equal(
      allowsInsecureConnection(
        "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;EndpointSuffix=core.windows.net",
      ),
      false,
    );
  });

  it("names every table prefix + name, and refuses a prefix Azure would not accept", () => {
    const clients = createTableClients({ connectionString: "UseDevelopmentStorage=true", tablePrefix: "ccb" });
    assert.deepEqual(
      Object.values(clients).map((client) => client.tableName),
      Object.values(TABLE_NAMES).map((name) => `ccb${name}`),
    );
    assert.throws(
      () => createTableClients({ connectionString: "UseDevelopmentStorage=true", tablePrefix: "care-leavers" }),
      /letters and digits/,
    );
  });

  it("ensureTables can run again over existing tables", async () => {
    const { storage } = await openTestStorage();
    await storage.ensureTables();
  });
});
