import assert from "node:assert/strict";
import { globalScoresSpec } from "../../documents/charts/globalScoresSpec";
import { ratingSharesSpec } from "../../documents/charts/ratingSharesSpec";
import { renderChartSvg, svgToPng } from "../../documents/charts/renderChart";
import { renderCharts } from "../../documents/charts/renderCharts";
import { pngSize } from "../../documents/docx/pngSize";
import { compiled } from "./documentTestData";

type Row = Record<string, unknown>;
const rowsOf = (spec: object): Row[] => ("data" in spec && (spec.data as { values?: Row[] }).values) || [];

describe("renderCharts", function () {
  this.timeout(20_000); // the first chart loads vega

  it("charts each area's shares of statements at each rating (adding up to 100%), unrated included", () => {
    const rows = rowsOf(ratingSharesSpec(compiled));
    assert.equal(
      rows.reduce((sum, row) => sum + Number(row.count), 0),
      106,
    );
    assert.ok(rows.some((row) => row.category === "Not yet rated"));
    for (const area of new Set(rows.map((row) => row.area))) {
      assert.equal(
        rows.filter((row) => row.area === area).reduce((sum, row) => sum + Number(row.share), 0),
        100,
        String(area),
      );
    }
  });

  it("puts the young people's score beside the staff's", () => {
    const rows = rowsOf(globalScoresSpec(compiled));
    assert.deepEqual(new Set(rows.map((row) => row.series)), new Set(["Staff global score", "Young people's score"]));
    const withoutYoungPeople = {
      ...compiled,
      areas: compiled.areas.map(({ youngPeopleScore: _omit, ...area }) => area),
    };
    assert.deepEqual(
      new Set(rowsOf(globalScoresSpec(withoutYoungPeople)).map((row) => row.series)),
      new Set(["Staff global score"]),
    );
  });

  it("renders both charts to PNG", async () => {
    const charts = await renderCharts(compiled);
    for (const png of [charts.ratingShares, charts.globalScores]) {
      const { width, height } = pngSize(png);
      assert.ok(width > 600 && height > 300, `${width}x${height}`);
    }
  });

  it("draws the text (the host has a font resvg can use)", async () => {
    const svg = await renderChartSvg(ratingSharesSpec(compiled));
    assert.ok(svg.includes("Share of statements at each agreed rating"));
    const withoutText = svg.replace(/<text[\s\S]*?<\/text>/g, "");
    assert.notDeepEqual(svgToPng(svg), svgToPng(withoutText), "PNG with text differs from PNG with the text removed");
  });
});
