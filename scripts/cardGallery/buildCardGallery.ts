import { join, relative } from "node:path";
import { findChromium } from "./chromium";
import { writeCardGallery } from "./writeCardGallery";

/**
 * `npm run cards`: every card template rendered with sample data into build/card-gallery/index.html,
 * plus PNGs when Chromium is installed. Exits non-zero when the renderer reports an error on any card.
 */
function main(): void {
  const outDir = join(__dirname, "../../build/card-gallery");
  const chromium = findChromium(process.env);
  const gallery = writeCardGallery({ outDir, ...(chromium ? { chromium } : {}) });
  const problems = gallery.cards.flatMap((card) => card.problems.map((problem) => ({ id: card.entry.id, ...problem })));
  for (const problem of problems)
    console.log(`${problem.severity === "error" ? "ERROR" : "warning"} ${problem.id}: ${problem.message}`);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  console.log(
    `${gallery.cards.length} cards from ${gallery.templates.length} templates: ${errors} renderer error(s), ${problems.length - errors} warning(s).`,
  );
  console.log(
    chromium
      ? `${gallery.pngs.length} PNGs in ${relative(process.cwd(), join(outDir, "cards"))} (gallery.png is the whole page).`
      : "PNG screenshots skipped: no Chromium found. Install it (apt-get install chromium) or set CHROMIUM_PATH, then run npm run cards again.",
  );
  console.log(gallery.indexPath);
  if (errors > 0) process.exitCode = 1;
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
