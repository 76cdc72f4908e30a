import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { rankActions } from "../../assessment/compile/rankActions";
import { parseActionPlanCsv } from "../support/parseCsvColumns";
import { buildCompiledDocuments, type CompiledDocuments } from "../../documents/buildCompiledDocuments";
import { compiled } from "./documentTestData";
import { xmlEscaped } from "../support/xmlEscaped";

describe("the action plan", function () {
  this.timeout(60_000);
  let documents: CompiledDocuments;

  before(async () => {
    documents = await buildCompiledDocuments(compiled, { charts: false });
  });

  it("ranks 1–2 before 3, then by the area's global score (lowest first), then by how many ideas", () => {
    const actions = rankActions(compiled.areas);
    assert.ok(actions.length > 0);
    const band = (rating: number) => (rating <= 2 ? 0 : 1);
    for (const [index, action] of actions.entries()) {
      assert.equal(action.rank, index + 1);
      const next = actions[index + 1];
      if (!next) continue;
      assert.ok(
        band(action.agreedRating) <= band(next.agreedRating),
        `${action.statementId} before ${next.statementId}`,
      );
      if (band(action.agreedRating) !== band(next.agreedRating)) continue;
      const score = (value: number | null) => value ?? Number.POSITIVE_INFINITY;
      assert.ok(
        score(action.areaGlobalScore) <= score(next.areaGlobalScore),
        `${action.statementId} before ${next.statementId}`,
      );
      if (action.areaGlobalScore === next.areaGlobalScore)
        assert.ok(action.ideas.length >= next.ideas.length, `${action.statementId} before ${next.statementId}`);
    }
    const statements = compiled.areas.flatMap((area) => area.statements);
    assert.equal(
      actions.length,
      statements.filter((s) => s.agreedRating !== null && s.agreedRating <= 3).length,
      "every statement agreed at 1–3, once",
    );
  });

  it("round-trips through its CSV, with the columns Microsoft Lists imports", () => {
    const rows = parseActionPlanCsv(documents.actionPlanCsv);
    assert.equal(rows.length, rankActions(compiled.areas).length);
    assert.ok(
      documents.actionPlanCsv.startsWith(
        "\uFEFFTitle,Rank,Area,Statement,Statement text,Agreed rating,Rating label,Ideas,Owner,Due date,Status\r\n",
      ),
    );
    assert.deepEqual(
      rows.map((row) => row.status),
      rows.map(() => "Not started"),
    );
    assert.throws(
      () => parseActionPlanCsv(documents.actionPlanCsv.replace(",Not started\r\n", ",Maybe\r\n")),
      /column "Status": expected one of/,
    );
  });

  it("matches the document: the same actions in the same order, in the full document and the separate one", () => {
    const rows = parseActionPlanCsv(documents.actionPlanCsv);
    for (const docx of [documents.docx, documents.actionPlanDocx]) {
      const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"] ?? new Uint8Array());
      const plan = xml.slice(xml.lastIndexOf(">Action plan<"));
      let from = 0;
      for (const row of rows) {
        const at = plan.indexOf(`>${xmlEscaped(row.statementText)}<`, from);
        assert.ok(at > from, `${row.rank}. ${row.statementId} in order`);
        for (const idea of row.ideas) assert.ok(plan.includes(xmlEscaped(`• ${idea}`)), `${row.statementId} idea`);
        from = at;
      }
    }
  });
});
