import assert from "node:assert/strict";
import { globalScoresSpec } from "../../documents/charts/globalScoresSpec";
import { ratingsPerAreaSpec } from "../../documents/charts/ratingsPerAreaSpec";
import { renderChartSvg, svgToPng } from "../../documents/charts/renderChart";
import { renderCharts } from "../../documents/charts/renderCharts";
import { pngSize } from "../../documents/docx/pngSize";
import { compiled } from "./documentTestData";

type Row = Record<string, unknown>;
const rowsOf = (spec: object): Row[] => ("data" in spec && (spec.data as { values?: Row[] }).values) || [];

describe("renderCharts", function () {
  this.timeout(20_000); // the first chart loads vega

  it("counts every statement once in the ratings chart, unrated included", () => {
    const rows = rowsOf(ratingsPerAreaSpec(compiled));
    assert.equal(rows.reduce((sum, row) => sum + Number(row.count), 0), 106);
    assert.ok(rows.some((row) => row.category === "Not yet rated"));
  });

  it("puts the young people's score beside the staff's", () => {
    const rows = rowsOf(globalScoresSpec(compiled));
    assert.deepEqual(new Set(rows.map((row) => row.series)), new Set(["Staff global score", "Young people's score"]));
    const withoutYoungPeople = { ...compiled, areas: compiled.areas.map(({ youngPeopleScore: _omit, ...area }) => area) };
    assert.deepEqual(new Set(rowsOf(globalScoresSpec(withoutYoungPeople)).map((row) => row.series)), new Set(["Staff global score"]));
  });

  it("renders both charts to PNG", async () => {
    const charts = await renderCharts(compiled);
    for (const png of [charts.ratingsPerArea, charts.globalScores]) {
      const { width, height } = pngSize(png);
      assert.ok(width > 600 && height > 300, `${width}x${height}`);
    }
  });

  it("draws the text (the host has a font resvg can use)", async () => {
    const svg = await renderChartSvg(ratingsPerAreaSpec(compiled));
    assert.ok(svg.includes("Agreed ratings per area"));
    const withoutText = svg.replace(/<text[\s\S]*?<\/text>/g, "");
    assert.notDeepEqual(svgToPng(svg), svgToPng(withoutText), "PNG with text differs from PNG with the text removed");
  });
});
