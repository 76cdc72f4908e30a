import { startAzuriteForTests, stopAzuriteForTests } from "./azuriteForTests";

/** One in-memory Azurite for the whole run; tests isolate themselves by table prefix (openTestStorage). */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await startAzuriteForTests();
  },
  async afterAll(): Promise<void> {
    await stopAzuriteForTests();
  },
};
