import assert from "node:assert/strict";
import { cycleResultOf } from "../../assessment/cycles/cycleResult";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { buildAssessmentCsv } from "../../documents/csv/buildAssessmentCsv";
import { cycleResultFromCsv } from "../../documents/csv/cycleResultFromCsv";
import { compiled } from "./documentTestData";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);

/** The CSV with one cell replaced: `line` counts the header as 1, as the error messages do. */
function withCell(csv: string, line: number, column: number, value: string): string {
  const lines = csv.split("\r\n");
  const cells = (lines[line - 1] ?? "").split(",");
  cells[column] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\r\n");
}

describe("importing a previous cycle from the assessment CSV", () => {
  const csv = buildAssessmentCsv(compiled);

  it("reads back exactly the agreed ratings and global scores the exported cycle had", () => {
    const imported = cycleResultFromCsv(csv, framework, "2025-03-31");
    assert.ok(imported.ok, imported.ok ? "" : imported.problems.join("\n"));
    const expected = cycleResultOf(compiled);
    assert.deepEqual(imported.result, { ...expected, completedOn: "2025-03-31", source: "imported" });
    assert.equal(imported.statements, 106);
  });

  it("lists every bad row with its line and column, and imports nothing", () => {
    // Simple rows only: the first data rows of the generated file have no quoted commas in their first columns.
    let bad = withCell(csv, 2, 4, "5");
    bad = withCell(bad, 3, 2, "99z");
    bad = withCell(bad, 4, 0, "9");
    const imported = cycleResultFromCsv(bad, framework, "31/03/2025");
    assert.ok(!imported.ok);
    const { problems } = imported;
    assert.ok(
      problems.some((problem) => problem.includes("yyyy-mm-dd")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((problem) => problem.startsWith('row 2, column "Agreed rating"')),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((problem) => problem === 'row 3: statement "99z" is not in the framework'),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((problem) => /^row 4: statement \w+ is in area 1, not 9$/.test(problem)),
      problems.join("\n"),
    );
  });

  it("refuses a file that is not this project's CSV", () => {
    const imported = cycleResultFromCsv("Area,Rating\n1,3\n", framework, "2025-03-31");
    assert.ok(!imported.ok);
    assert.match(imported.problems[0] ?? "", /unexpected CSV header/);
  });
});
