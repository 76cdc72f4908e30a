import assert from "node:assert/strict";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { assessmentCsvRows } from "../../documents/csv/assessmentCsvRow";
import { buildAssessmentCsv, UTF8_BOM } from "../../documents/csv/buildAssessmentCsv";
import { parseAssessmentCsv } from "../support/parseCsvColumns";
import { answer, compileInput } from "../assessment/compile/compileTestRecords";
import { allStatements, compiled } from "./documentTestData";

describe("buildAssessmentCsv", () => {
  const csv = buildAssessmentCsv(compiled);
  const rows = parseAssessmentCsv(csv);

  it("has a header and one row per statement", () => {
    assert.equal(rows.length, 106);
    assert.ok(csv.startsWith(`${UTF8_BOM}Area,Area title,Statement,Statement text,Agreed rating,`));
  });

  it("parses back to exactly the rows written", () => {
    assert.deepEqual(rows, assessmentCsvRows(compiled));
  });

  it("holds the compiled model's values", () => {
    allStatements.forEach((statement, index) => {
      const row = rows[index];
      assert.ok(row);
      assert.equal(row.statementId, statement.id);
      assert.equal(row.statementText, statement.text);
      assert.equal(row.agreedRating, statement.agreedRating);
      assert.equal(row.source, statement.ratingSource);
      assert.equal(row.provisional, statement.ratingSource === "provisional");
      assert.equal(row.answered, statement.answered);
      assert.deepEqual(
        [row.rated4, row.rated3, row.rated2, row.rated1],
        [4, 3, 2, 1].map((r) => statement.distribution[r as 1 | 2 | 3 | 4]),
      );
      assert.deepEqual(row.flags, statement.flags);
      assert.equal(row.evidence.length, statement.evidence.length);
      row.evidence.forEach((line, i) => {
        assert.ok(line.startsWith(statement.evidence[i]?.text ?? "\u0000"), `${statement.id} evidence ${i}`);
      });
      assert.equal(row.rationale, statement.moderation?.rationale ?? "");
    });
  });

  it("follows RFC 4180: CRLF records, quoted fields with doubled quotes", () => {
    const quoted = compileAssessment(
      compileInput({ answers: [answer("1a", 1, 3, { evidence: 'Forum said "yes",\nthen "no"' })] }),
    );
    const text = buildAssessmentCsv(quoted);
    assert.ok(text.includes("\r\n"));
    assert.ok(text.includes('"Forum said ""yes"", then ""no"" (Person 1)"'));
    assert.equal(parseAssessmentCsv(text)[0]?.evidence[0], 'Forum said "yes", then "no" (Person 1)');
  });

  it("stops spreadsheets running members' text as formulas, and reads it back unchanged", () => {
    const risky = compileAssessment(
      compileInput({
        answers: [
          answer("1a", 1, 3, { evidence: '=HYPERLINK("http://x")' }),
          answer("1b", 1, 3, { evidence: "'=already guarded" }),
        ],
      }),
    );
    const text = buildAssessmentCsv(risky);
    assert.ok(text.includes(`"'=HYPERLINK(""http://x"") (Person 1)"`));
    const [first, second] = parseAssessmentCsv(text);
    assert.deepEqual(first?.evidence, ['=HYPERLINK("http://x") (Person 1)']);
    assert.deepEqual(second?.evidence, ["'=already guarded (Person 1)"]);
  });

  it("rejects a file that is not one of ours", () => {
    assert.throws(() => parseAssessmentCsv("a,b\r\n1,2\r\n"), /unexpected CSV header/);
    const broken = csv.replace(/\r\n1,([^,]*),1a,/, "\r\nx,$1,1a,");
    assert.throws(() => parseAssessmentCsv(broken), /row 2, column "Area"/);
  });
});
