import assert from "node:assert/strict";
import { findArea, findStatement, ratingLevel, statementCount } from "../../../assessment/framework/frameworkLookup";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../../storage/framework/loadFramework";
import { parseFramework } from "../../../assessment/framework/parseFramework";

describe("frameworkLookup", () => {
  const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);

  describe("findArea", () => {
    it("finds areas by their printed number", () => {
      assert.equal(
        findArea(framework, 1)?.title,
        "Listening and responding to care leavers' views (as individuals and collectively)",
      );
      assert.equal(findArea(framework, 8)?.globalLine, "Supporting care leavers to manage money");
      assert.equal(findArea(framework, 10)?.statements.length, 8);
    });

    it("returns undefined for numbers the framework does not have", () => {
      assert.equal(findArea(framework, 0), undefined);
      assert.equal(findArea(framework, 11), undefined);
      assert.equal(findArea(framework, 1.5), undefined);
    });
  });

  describe("findStatement", () => {
    it("finds a statement with its area", () => {
      const found = findStatement(framework, "7a");
      assert.equal(found?.area.number, 7);
      assert.equal(found.statement.id, "7a");
      assert.ok(found.statement.text.startsWith("We have developed a positive accommodation pathway"));
    });

    it("tells two-digit areas apart from one-digit ones", () => {
      assert.equal(findStatement(framework, "10h")?.area.number, 10);
      assert.equal(findStatement(framework, "1h")?.area.number, 1);
      assert.equal(
        findStatement(framework, "10a")?.statement.text,
        "Our service ethos values diversity, promotes fairness and challenges discrimination.",
      );
    });

    it("tolerates spaces and upper case typed in chat", () => {
      assert.equal(findStatement(framework, " 7A ")?.statement.id, "7a");
    });

    it("returns undefined for unknown ids", () => {
      for (const id of ["", "7", "7p", "10i", "11a", "1z", "a1"])
        assert.equal(findStatement(framework, id), undefined, id);
    });

    it("finds every statement of the catalogue", () => {
      for (const area of framework.areas) {
        for (const statement of area.statements) {
          assert.equal(findStatement(framework, statement.id)?.statement, statement);
          assert.equal(findStatement(framework, statement.id)?.area, area);
        }
      }
    });
  });

  describe("ratingLevel", () => {
    it("returns the level for each value", () => {
      assert.equal(ratingLevel(framework, 4).label, "Agree at present");
      assert.equal(ratingLevel(framework, 3).shortLabel, "Mostly agree");
      assert.equal(ratingLevel(framework, 2).label, "Mostly disagree");
      assert.equal(ratingLevel(framework, 1).shortLabel, "Disagree");
      assert.equal(ratingLevel(framework, 1).guide, "there is little or no evidence that this is in place");
    });
  });

  describe("statementCount", () => {
    it("counts the statements across all areas", () => {
      assert.equal(statementCount(framework), 106);
    });

    it("works for any framework of the same shape", () => {
      const small = parseFramework(
        {
          ...framework,
          id: "tiny",
          areas: [
            { number: 1, title: "One", globalLine: "One", statements: [{ id: "1a", letter: "a", text: "First" }] },
            {
              number: 2,
              title: "Two",
              globalLine: "Two",
              statements: [
                { id: "2a", letter: "a", text: "Second" },
                { id: "2b", letter: "b", text: "Third" },
              ],
            },
          ],
        },
        "tiny",
      );
      assert.equal(statementCount(small), 3);
      assert.equal(findStatement(small, "2b")?.statement.text, "Third");
    });
  });
});
