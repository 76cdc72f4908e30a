import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DemoOutcome } from "./playAssessment";
import { renderCardMarkdown } from "./renderCardMarkdown";

/**
 * The demo's folder: each area's digest as its lead read it (Markdown) and as sent (card JSON),
 * the compiled files exactly as downloaded, and the printed summary.
 */
export async function writeOutputs(outDir: string, outcome: DemoOutcome, summary: string): Promise<void> {
  const digests = join(outDir, "digests");
  await mkdir(digests, { recursive: true });
  for (const area of outcome.moderation) {
    const base = join(digests, `area-${String(area.areaNumber).padStart(2, "0")}`);
    await writeFile(`${base}.md`, area.digest.map((page) => renderCardMarkdown(page.card)).join("\n\n---\n\n"));
    await writeFile(
      `${base}.cards.json`,
      `${JSON.stringify(
        area.digest.map((page) => page.card),
        null,
        2,
      )}\n`,
    );
  }
  for (const file of outcome.compile.files) await writeFile(join(outDir, file.fileName), file.bytes);
  if (outcome.secondCycle) {
    const cycle2 = join(outDir, "cycle-2");
    await mkdir(cycle2, { recursive: true });
    for (const file of outcome.secondCycle.compile.files) await writeFile(join(cycle2, file.fileName), file.bytes);
    await writeFile(join(cycle2, "compile-summary.md"), renderCardMarkdown(outcome.secondCycle.compile.card));
  }
  await writeFile(join(outDir, "compile-summary.md"), renderCardMarkdown(outcome.compile.card));
  await writeFile(join(outDir, "summary.md"), summary);
}
