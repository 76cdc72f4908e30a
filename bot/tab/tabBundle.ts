import { createHash } from "node:crypto";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface TabBundle {
  js: Buffer;
  gzippedJs: Buffer;
  etag: string;
}

const ENTRY = path.join(__dirname, "..", "..", "tab", "main.tsx");
let bundling: Promise<TabBundle> | undefined;

/**
 * The tab's page script, bundled with esbuild into memory on first request and kept for the life of
 * the process: `npm start` and `npm test` need no build step, and a bot that no one opens the tab
 * on never pays for it. Fluent UI styles are CSS-in-JS, so this one script is everything shipped.
 */
export function tabBundle(): Promise<TabBundle> {
  bundling ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: ["es2022"],
    platform: "browser",
    jsx: "automatic",
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  }).then((result) => {
    const js = Buffer.from(result.outputFiles[0]?.contents ?? new Uint8Array());
    return {
      js,
      gzippedJs: gzipSync(js, { level: 9 }),
      etag: `"${createHash("sha256").update(js).digest("base64url").slice(0, 22)}"`,
    };
  });
  // A failed build is not cached: the next request tries again (and the error reaches the log once per try).
  bundling.catch(() => (bundling = undefined));
  return bundling;
}
