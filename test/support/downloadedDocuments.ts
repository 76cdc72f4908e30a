import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import type { GroupScenario } from "./groupScenario";

/** Every signed download link on a card: Action.OpenUrl buttons and markdown links in its text. */
export function downloadUrls(card: Record<string, unknown>): string[] {
  return [...JSON.stringify(card).matchAll(/https?:\/\/[^"\s)]+\/downloads\/[A-Za-z0-9_.-]+/g)].map(
    (match) => match[0],
  );
}

/** A file's readable text; for a .docx, the XML of every part (document, headers, footnotes …). */
export async function downloadText(url: string): Promise<{ status: number; text: string; fileName: string }> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
  if (response.status !== 200 || !fileName.endsWith(".docx"))
    return { status: response.status, text: Buffer.from(bytes).toString("utf8"), fileName };
  const parts = unzipSync(bytes);
  return {
    status: response.status,
    text: Object.values(parts)
      .map((part) => strFromU8(part))
      .join("\n"),
    fileName,
  };
}

/** The coordinator compiles from their personal chat; returns each document's text by extension (the internal copy's, unless asked). */
export async function compileAndRead(
  scenario: GroupScenario,
  copy: "internal" | "publication" = "internal",
): Promise<Record<"docx" | "csv" | "json", string>> {
  const { harness, coordinator } = scenario;
  const before = harness.connector.postedCards().length;
  const response = await harness.post(
    personalMessage({ serviceUrl: harness.connector.url, from: coordinator, text: "compile" }),
  );
  assert.equal(response.status, 200);
  const card = harness.connector
    .postedCards()
    .slice(before)
    .map((entry) => entry.card)
    .find((candidate) => downloadUrls(candidate).length >= 6);
  assert.ok(card, "the compile summary card with both copies' links");
  const texts: Record<string, string> = {};
  for (const url of downloadUrls(card)) {
    const file = await downloadText(url);
    assert.equal(file.status, 200);
    if (!file.fileName.includes(`-${copy}.`)) continue;
    texts[file.fileName.split(".").at(-1) ?? ""] = file.text;
  }
  return { docx: texts["docx"] ?? "", csv: texts["csv"] ?? "", json: texts["json"] ?? "" };
}
