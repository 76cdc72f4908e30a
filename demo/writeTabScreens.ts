import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "../simulator/browser/launchChromium";
import { TENANT_ID } from "../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../simulator/teams/people";
import { findChromium } from "../scripts/cardGallery/chromium";
import type { DemoCast } from "./demoCast";

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/**
 * The tab as each role sees it at the end of the demo (member, lead, coordinator, the meeting
 * view), at phone and desktop size, opened with the dev identity the local bot accepts on loopback.
 * Returns the line the demo prints: where the pictures are, or why there are none.
 */
export async function writeTabScreens(baseUrl: string, cast: DemoCast, outDir: string): Promise<string> {
  if (!findChromium(process.env))
    return "Tab screenshots skipped: Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).";
  const group = cast.groups[0];
  const lead = group?.leads[0];
  const member = group?.members[0];
  if (!lead || !member) return "Tab screenshots skipped: the demo has no working group.";
  const folder = join(outDir, "tab-screens");
  await mkdir(folder, { recursive: true });
  const shots: Array<{ role: string; person: TeamsPerson; view: string }> = [
    { role: "member", person: member, view: "member" },
    { role: "lead", person: lead, view: "lead" },
    { role: "coordinator", person: cast.coordinator, view: "overview" },
    { role: "meeting", person: lead, view: "meeting" },
  ];
  const browser = await launchChromium(process.env);
  try {
    for (const shot of shots)
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: size });
        const page = await context.newPage();
        const query = new URLSearchParams({
          devUser: shot.person.aadObjectId,
          devName: shot.person.name,
          devTenant: TENANT_ID,
          view: shot.view,
        });
        // The first script request bundles the tab (esbuild, seconds on a busy machine).
        await page.goto(`${baseUrl}/tab?${query}`, { timeout: 180_000 });
        await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 90_000 });
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: join(folder, `${shot.role}-${size.width}x${size.height}.png`) });
        await context.close();
      }
  } finally {
    await browser.close();
  }
  return `Tab screenshots (member, lead, coordinator, meeting at 390×844 and 1280×800) in ${folder}`;
}
