import assert from "node:assert/strict";
import sinon from "sinon";
import { SharedReads } from "../../storage/sharedReads";

describe("SharedReads", () => {
  it("gives concurrent readers of one key one load, and loads again once it has settled", async () => {
    const reads = new SharedReads<number>();
    const load = sinon.stub().onFirstCall().resolves(1).onSecondCall().resolves(2);
    const together = await Promise.all([reads.read("7", load), reads.read("7", load), reads.read("7", load)]);
    assert.deepEqual(together, [1, 1, 1]);
    assert.equal(await reads.read("7", load), 2, "nothing is kept once a read settles");
    assert.equal(load.callCount, 2);
  });

  it("keeps keys apart, and a failed read fails its waiters without being kept", async () => {
    const reads = new SharedReads<string>();
    const failing = sinon.stub().rejects(new Error("storage unreachable"));
    const other = sinon.stub().resolves("area 8");
    const [first, second, eight] = await Promise.allSettled([
      reads.read("7", failing),
      reads.read("7", failing),
      reads.read("8", other),
    ]);
    assert.equal(first.status, "rejected");
    assert.equal(second.status, "rejected");
    assert.deepEqual(eight, { status: "fulfilled", value: "area 8" });
    assert.equal(failing.callCount, 1);
    assert.equal(await reads.read("7", sinon.stub().resolves("read again")), "read again");
  });
});
