import assert from "node:assert/strict";
import path from "node:path";
import { ESLint } from "eslint";

/**
 * The import boundaries of eslint.config.mjs, checked against the real configuration: a file placed
 * (in memory) in each layer imports what it must not, and the linter must say so. Only
 * no-restricted-imports runs, without type information, so this takes well under a second.
 */
describe("import boundaries (eslint.config.mjs)", function () {
  // Loading the configuration and its plugins takes seconds on a busy machine; each check after that is quick.
  this.timeout(60_000);
  const eslint = new ESLint({
    cwd: path.resolve(__dirname, "../.."),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
  });

  async function refusals(filePath: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
    assert.ok(result, `ESLint linted ${filePath}`);
    const fatal = result.messages.filter((message) => message.fatal);
    assert.deepEqual(fatal, [], "the snippet parses");
    return result.messages.map((message) => message.message);
  }

  const refused: Array<[file: string, source: string, reason: RegExp]> = [
    ["assessment/probe.ts", 'import { x } from "../bot/x";', /assessment\/ is the pure core/],
    ["assessment/compile/probe.ts", 'import type { X } from "../../storage/x";', /assessment\/ is the pure core/],
    ["assessment/probe.ts", 'import { x } from "../cards/x";', /assessment\/ is the pure core/],
    ["assessment/probe.ts", 'import { x } from "../documents/x";', /assessment\/ is the pure core/],
    ["assessment/probe.ts", 'import { x } from "../simulator/x";', /assessment\/ is the pure core/],
    ["assessment/probe.ts", 'import { readFileSync } from "node:fs";', /no Bot Framework, storage or I\/O/],
    ["assessment/probe.ts", 'import { TableClient } from "@azure/data-tables";', /no Bot Framework, storage or I\/O/],
    ["assessment/probe.ts", 'import { TurnContext } from "botbuilder";', /no Bot Framework, storage or I\/O/],
    ["storage/probe.ts", 'import { x } from "../bot/x";', /never depend on the bot/],
    ["cards/probe.ts", 'import { x } from "../bot/x";', /never depend on the bot/],
    ["documents/docx/probe.ts", 'import { x } from "../../bot/x";', /never depend on the bot/],
    ["bot/probe.ts", 'import { x } from "../test/support/x";', /Only tests import test\//],
    ["simulator/probe.ts", 'import { x } from "../test/support/x";', /Only tests import test\//],
    ["bench/probe.ts", 'import { x } from "../test/support/x";', /Only tests import test\//],
    ["storage/probe.ts", 'import { x } from "../test/support/x";', /never depend on the bot \(or on tests\)/],
    ["tab/probe.tsx", 'import { x } from "../bot/app/createBotApp";', /tab\/ runs in the browser/],
    ["tab/probe.tsx", 'import { x } from "../storage/openStorage";', /tab\/ runs in the browser/],
    ["tab/probe.ts", 'import { readFileSync } from "node:fs";', /tab\/ runs in the browser/],
  ];
  for (const [file, source, reason] of refused) {
    it(`refuses in ${file}: ${source}`, async () => {
      const messages = await refusals(file, source);
      assert.equal(messages.length, 1, messages.join("\n"));
      assert.match(messages[0] ?? "", reason);
    });
  }

  const allowed: Array<[file: string, source: string]> = [
    ["assessment/probe.ts", 'import { z } from "zod";'],
    ["assessment/compile/probe.ts", 'import { x } from "../framework/frameworkSchema";'],
    ["storage/probe.ts", 'import { x } from "../assessment/framework/frameworkSchema";'],
    ["bot/probe.ts", 'import { x } from "../storage/openStorage";'],
    ["test/bot/probe.test.ts", 'import { x } from "../support/defined";'],
    ["tab/probe.tsx", 'import type { MeView } from "../bot/tab/tabApiContract";'],
    ["tab/probe.tsx", 'import { x } from "../assessment/time/formatDates";'],
  ];
  for (const [file, source] of allowed) {
    it(`allows in ${file}: ${source}`, async () => {
      assert.deepEqual(await refusals(file, source), []);
    });
  }
});
