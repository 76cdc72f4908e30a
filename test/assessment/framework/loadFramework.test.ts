import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FrameworkFileError } from "../../../assessment/framework/frameworkFileError";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../../storage/framework/loadFramework";
import { parseFramework } from "../../../assessment/framework/parseFramework";
import { defined } from "../../support/defined";

const SEED_PATH = path.join(__dirname, "../../fixtures/baker-dixon-2020-seed.txt");

describe("loadFramework: the bundled Baker & Dixon 2020 catalogue", () => {
  const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
  const allStatements = framework.areas.flatMap((area) => area.statements);

  it("is found from an absolute path next to the module", () => {
    assert.ok(path.isAbsolute(DEFAULT_FRAMEWORK_PATH));
    assert.equal(path.basename(DEFAULT_FRAMEWORK_PATH), "baker-dixon-2020.json");
  });

  it("carries the framework's identity and prompts", () => {
    assert.equal(framework.id, "baker-dixon-2020");
    assert.equal(framework.version, "2020-01");
    assert.equal(framework.title, "The Baker & Dixon Leaving Care Services Self-Assessment Framework (January 2020)");
    assert.equal(
      framework.statementPrompt,
      "Thinking about leaving care support at present, please indicate how far you agree with the following statements: please tick ✓ or X",
    );
    assert.equal(
      framework.evidencePrompt,
      "How do we know this? Add evidence, examples and comments (e.g. policies, projects; any disagreements in rating; obstacles face)",
    );
    assert.equal(framework.ideasPrompt, "Ideas for improvement / future actions");
    assert.equal(
      framework.globalScorePrompt,
      "Having reviewed the different statements in each ‘Gold standard’ area please give a ‘global score’ for each area (out of 10)",
    );
    assert.equal(framework.globalLinePrefix, "We would rate our current performance in...");
    assert.equal(framework.globalScoreMax, 10);
  });

  it("has the four-point scale, highest first, with the rating guide", () => {
    assert.deepEqual(framework.scale, [
      {
        value: 4,
        label: "Agree at present",
        shortLabel: "Agree",
        guide: "there is strong evidence to suggest this is in place",
      },
      {
        value: 3,
        label: "Mostly agree",
        shortLabel: "Mostly agree",
        guide: "although not implemented across the board, there is some evidence to suggest this is in place",
      },
      {
        value: 2,
        label: "Mostly disagree",
        shortLabel: "Mostly disagree",
        guide: "there may be some work in this area but insufficient or limited evidence to show this",
      },
      {
        value: 1,
        label: "Disagree at present",
        shortLabel: "Disagree",
        guide: "there is little or no evidence that this is in place",
      },
    ]);
  });

  it("has 106 statements, 10/13/13/8/10/10/15/11/8/8 per area", () => {
    assert.equal(allStatements.length, 106);
    assert.deepEqual(
      framework.areas.map((area) => area.statements.length),
      [10, 13, 13, 8, 10, 10, 15, 11, 8, 8],
    );
    assert.deepEqual(
      framework.areas.map((area) => area.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it("numbers statements 1a…10h in order, with matching letters", () => {
    const expectedIds = [10, 13, 13, 8, 10, 10, 15, 11, 8, 8].flatMap((count, areaIndex) =>
      Array.from({ length: count }, (_, i) => `${areaIndex + 1}${String.fromCharCode(97 + i)}`),
    );
    assert.deepEqual(
      allStatements.map((statement) => statement.id),
      expectedIds,
    );
    assert.equal(expectedIds[0], "1a");
    assert.equal(expectedIds.at(-1), "10h");
    for (const statement of allStatements) assert.equal(statement.id.slice(-1), statement.letter);
  });

  it("keeps statement wording exactly (1a, 7a, 10h)", () => {
    const text = (id: string) => allStatements.find((statement) => statement.id === id)?.text;
    assert.equal(
      text("1a"),
      "Strategic leaders are committed to improving leaving care services in line with the Children and Social Work Act (2017) corporate parenting principles",
    );
    assert.equal(
      text("7a"),
      "We have developed a positive accommodation pathway (e.g. based on the Barnardos/St Basils' care leaver accommodation pathway) which means we have a range of accommodation matched to the needs of our care leaver population.",
    );
    assert.equal(
      text("10h"),
      "We undertake multi-agency risk assessment on all care leavers, involving all agencies where necessary and have arrangements to escalate concerns to senior managers and DCS.",
    );
  });

  it("keeps the seed's oddities rather than tidying them", () => {
    const text = (id: string) => allStatements.find((statement) => statement.id === id)?.text;
    assert.ok(text("9a")?.endsWith("children's homes' or supported accommodation.'"));
    assert.ok(text("9c")?.endsWith("'test out' independence and skills.'"));
    assert.equal(text("7h"), "We never use B&B accommodation.");
    assert.ok(text("5b")?.includes("£1000 apprenticeship bursary"));
    assert.ok(text("2l")?.includes("details the additional (above statutory requirements)"), "HTML <i> removed");
  });

  it("titles the areas as their headings do", () => {
    assert.deepEqual(
      framework.areas.map((area) => area.title),
      [
        "Listening and responding to care leavers' views (as individuals and collectively)",
        "Relationships – having people to count on for emotional support",
        "Care leavers' entitlements – being informed and supported",
        "Educated (to their potential)",
        "Employment – care leavers helped into work",
        "Having good health and wellbeing",
        "Being in safe and settled accommodation",
        "Having an adequate level of income",
        "Managing day to day living",
        "Making sure support works for all care leavers (for example: disabled care leavers; young people who are homeless; in the youth justice system; living out of area; UASC; parents; LGBTQ)",
      ],
    );
  });

  it("maps every global-rating line to its area (the seed lists them in another order)", () => {
    assert.deepEqual(
      framework.areas.map((area) => [area.number, area.globalLine]),
      [
        [1, "Listening to care leavers’ views and doing something about it"],
        [2, "Relationships: having people for emotional support"],
        [3, "Entitlements: knowing your rights as a care leaver"],
        [4, "Supporting care leavers with their education"],
        [5, "Employment: helping care leavers into work"],
        [6, "Having good health and well-being"],
        [7, "Being in safe and settled accommodation"],
        [8, "Supporting care leavers to manage money"],
        [9, "Managing day to day life"],
        [10, "Making sure support works for all care leavers (different groups)"],
      ],
    );
  });
});

describe("loadFramework: cross-check against the seed text", () => {
  const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
  // The seed is the framework as exported from the original document: statements sit in HTML
  // fragments and carry footnote superscripts. Remove only those; everything else must match as is.
  const seed = readFileSync(SEED_PATH, "utf8")
    .replace(/<[^>]+>/g, "")
    .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/g, "");
  const seedLines = seed.split("\n").map((line) => line.trim());

  it("contains every statement verbatim, as a whole lettered line", () => {
    for (const area of framework.areas) {
      for (const statement of area.statements) {
        assert.ok(seed.includes(statement.text), `${statement.id} not found verbatim in the seed: ${statement.text}`);
        const whole = seedLines.some(
          (line) =>
            new RegExp(`^${statement.letter}\\.\\s+`).test(line) && line.replace(/^[a-z]\.\s+/, "") === statement.text,
        );
        assert.ok(whole, `${statement.id} is not a whole "${statement.letter}." line of the seed`);
      }
    }
  });

  it("has as many statements as the seed has lettered lines", () => {
    const lettered = seedLines.filter((line) => /^[a-z]\.\s+\S/.test(line));
    assert.equal(lettered.length, 106);
  });

  it("contains every area heading and global line", () => {
    for (const area of framework.areas) {
      const heading = area.number === 10 ? `10. ${area.title}` : `${area.number}. Gold Standard Area: ${area.title}`;
      assert.ok(seedLines.includes(heading), `heading of area ${area.number} not in the seed`);
      assert.ok(
        seed.includes(`${framework.globalLinePrefix} ${area.globalLine}\t`),
        `global line of area ${area.number} not in the seed`,
      );
    }
    assert.ok(seedLines.includes(framework.globalScorePrompt));
  });
});

describe("loadFramework: malformed files", () => {
  let dir: string;
  /** The bundled file's JSON, typed only as far as the tests below break it. */
  interface RawFramework {
    areas: { title: string; globalLine?: string; statements: { text: string }[] }[];
    scale: unknown[];
  }
  const good = () => JSON.parse(readFileSync(DEFAULT_FRAMEWORK_PATH, "utf8")) as RawFramework;
  const area = (framework: RawFramework, index: number) => defined(framework.areas[index]);
  const write = (name: string, content: string) => {
    const filePath = path.join(dir, name);
    writeFileSync(filePath, content);
    return filePath;
  };
  const rejects = (filePath: string, expected: string | RegExp) => {
    assert.throws(
      () => loadFramework(filePath),
      (error: unknown) => {
        assert.ok(error instanceof FrameworkFileError, `expected a FrameworkFileError, got ${String(error)}`);
        if (typeof expected === "string") assert.ok(error.message.includes(expected), `message was:\n${error.message}`);
        else assert.match(error.message, expected);
        return true;
      },
    );
  };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "framework-test-"));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("names the file and the path of an empty statement text", () => {
    const framework = good();
    defined(area(framework, 2).statements[4]).text = "";
    rejects(
      write("empty-text.json", JSON.stringify(framework)),
      "empty-text.json: areas[2].statements[4].text: Too small: expected string to have >=1 characters",
    );
  });

  it("rejects statements out of order", () => {
    const framework = good();
    const statements = area(framework, 0).statements;
    [statements[0], statements[1]] = [defined(statements[1]), defined(statements[0])];
    const filePath = write("swapped.json", JSON.stringify(framework));
    rejects(filePath, "swapped.json: areas[0].statements[0].id: expected id 1a (letter a)");
    rejects(filePath, "swapped.json: areas[0].statements[1].id: expected id 1b (letter b)");
  });

  it("rejects an area missing a field", () => {
    const framework = good();
    delete area(framework, 3).globalLine;
    rejects(
      write("missing-field.json", JSON.stringify(framework)),
      "missing-field.json: areas[3].globalLine: Invalid input: expected string, received undefined",
    );
  });

  it("rejects invalid JSON syntax, naming the file", () => {
    rejects(write("broken.json", '{ "id": "baker-dixon-2020", '), /^broken\.json: invalid JSON: /);
  });

  it("rejects a scale of three levels", () => {
    const framework = good();
    framework.scale.pop();
    rejects(
      write("three-levels.json", JSON.stringify(framework)),
      "three-levels.json: scale: Too small: expected array to have exactly 4 items",
    );
  });

  it("rejects a scale that is not highest first", () => {
    const framework = good();
    framework.scale.reverse();
    rejects(
      write("reversed-scale.json", JSON.stringify(framework)),
      "reversed-scale.json: scale[0].value: expected value 4 (highest first)",
    );
  });

  it("lists every problem, one per line", () => {
    const framework = good();
    defined(area(framework, 0).statements[0]).text = "";
    area(framework, 9).title = "";
    const error = (() => {
      try {
        loadFramework(write("two-problems.json", JSON.stringify(framework)));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    assert.ok(error instanceof FrameworkFileError);
    assert.equal(error.sourceName, "two-problems.json");
    assert.deepEqual(error.problems, [
      "areas[0].statements[0].text: Too small: expected string to have >=1 characters",
      "areas[9].title: Too small: expected string to have >=1 characters",
    ]);
    assert.equal(error.message.split("\n").length, 2);
  });

  it("reports a missing file with its full path", () => {
    const missing = path.join(dir, "nowhere.json");
    rejects(missing, `nowhere.json: cannot read ${missing}`);
  });

  it("parseFramework labels problems with the given source name", () => {
    assert.throws(() => parseFramework(null, "inline"), {
      name: "FrameworkFileError",
      message: "inline: (root): Invalid input: expected object, received null",
    });
    assert.equal(parseFramework(good(), "inline").areas.length, 10);
  });
});
