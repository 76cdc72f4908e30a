import assert from "node:assert/strict";
import sinon from "sinon";
import { renewWhile } from "../../../bot/posting/renewWhile";

describe("renewWhile", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers();
  });
  afterEach(() => {
    sinon.restore();
  });

  it("renews the claim while slow work waits, and stops once it settles", async () => {
    const renew = sinon.stub().resolves();
    let finish: (value: string) => void = () => undefined;
    const running = renewWhile(renew, 1000, () => new Promise<string>((resolve) => (finish = resolve)));
    await clock.tickAsync(3500);
    assert.equal(renew.callCount, 3);
    finish("sent");
    assert.equal(await running, "sent");
    await clock.tickAsync(5000);
    assert.equal(renew.callCount, 3);
  });

  it("keeps going when a renewal fails, and passes the work's own failure through", async () => {
    const renew = sinon.stub().rejects(new Error("storage down"));
    const running = renewWhile(renew, 1000, async () => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      throw new Error("send failed");
    });
    const settled = assert.rejects(running, /send failed/);
    await clock.tickAsync(2500);
    await settled;
    assert.equal(renew.callCount, 2);
  });
});
