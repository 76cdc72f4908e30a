import assert from "node:assert/strict";
import { changeArrow, changeBetween, describeChange } from "../../../assessment/cycles/change";

describe("change between cycles", () => {
  const table: Array<[number | null | undefined, number | null | undefined, string, string]> = [
    [2, 3, "up", "↑ from 2"],
    [4, 1, "down", "↓ from 4"],
    [3, 3, "same", "= 3"],
    [6.5, 7, "up", "↑ from 6.5"],
    [null, 3, "none", "–"],
    [undefined, 3, "none", "–"],
    [3, null, "none", "was 3"],
  ];
  for (const [previous, current, change, described] of table) {
    it(`${String(previous)} → ${String(current)} is ${change} ("${described}")`, () => {
      assert.equal(changeBetween(previous, current), change);
      assert.equal(describeChange(previous, current), described);
    });
  }

  it("draws ↑ ↓ = and leaves nothing-to-compare blank, so blank never reads as unchanged", () => {
    assert.deepEqual((["up", "down", "same", "none"] as const).map(changeArrow), ["↑", "↓", "=", ""]);
  });
});
