import type * as restify from "restify";
import { tabBundle } from "./tabBundle";

/**
 * Teams shows the tab in an iframe on its own domains; nothing else may frame it. Fluent UI writes
 * its styles into <style> elements at run time, hence 'unsafe-inline' for styles (not scripts).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com",
].join("; ");

/** The one HTML page of the tab; the script picks the view (?view=) and the identity. `appId` tells the page SSO is on. */
export function servePage(appId: string | undefined) {
  const html = [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Leaving care self-assessment</title>",
    "<style>html,body{margin:0;min-height:100%}</style>",
    "</head>",
    `<body data-sso="${appId ? "on" : "off"}">`,
    '<div id="root"></div>',
    '<script src="/tab/app.js"></script>',
    "</body>",
    "</html>",
  ].join("\n");
  // async although nothing is awaited: restify insists that a handler without `next` is an AsyncFunction.
  // eslint-disable-next-line @typescript-eslint/require-await -- see above.
  return async (_req: restify.Request, res: restify.Response) => {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    res.end(html);
  };
}

export async function serveScript(req: restify.Request, res: restify.Response): Promise<void> {
  const bundle = await tabBundle();
  if (req.headers["if-none-match"] === bundle.etag) {
    res.writeHead(304, { etag: bundle.etag });
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  res.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "no-cache",
    etag: bundle.etag,
    vary: "accept-encoding",
    "x-content-type-options": "nosniff",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(gzip ? bundle.gzippedJs : bundle.js);
}
