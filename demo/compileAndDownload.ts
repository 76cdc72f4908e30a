import type { CastMember } from "./demoCast";
import type { TeamsDriver } from "./teamsDriver";

export interface DownloadedFile {
  title: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface CompileResult {
  /** The summary card the coordinator got. */
  card: Record<string, unknown>;
  files: DownloadedFile[];
  /** The signed links as the card carried them (secrets: callers check they are never logged). */
  links: string[];
}

/**
 * The coordinator types `compile` in their 1:1 chat and opens each download button of the summary
 * card, as a browser would: a GET on the bot's own HTTP server through the signed, expiring link.
 */
export async function compileAndDownload(driver: TeamsDriver, coordinator: CastMember): Promise<CompileResult> {
  const cards = await driver.inPersonalChat(coordinator, "compile");
  const card = cards.find((candidate) => openUrls(candidate).length > 0);
  if (!card) throw new Error(`compile gave no card with download links: ${cards.length} card(s) back`);
  const buttons = openUrls(card);
  const files = await Promise.all(
    buttons.map(async ({ title, url }) => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`downloading "${title}" answered HTTP ${response.status}`);
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? title;
      return {
        title,
        fileName,
        contentType: response.headers.get("content-type") ?? "",
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    }),
  );
  return { card, files, links: buttons.map((button) => button.url) };
}

/** Every Action.OpenUrl on the card, in its card-level actions or in an ActionSet anywhere in its body. */
function openUrls(node: unknown): Array<{ title: string; url: string }> {
  if (Array.isArray(node)) return node.flatMap(openUrls);
  if (typeof node !== "object" || node === null) return [];
  const element = node as Record<string, unknown>;
  if (element["type"] === "Action.OpenUrl" && typeof element["url"] === "string")
    return [{ title: typeof element["title"] === "string" ? element["title"] : "", url: element["url"] }];
  return Object.values(element).flatMap(openUrls);
}
