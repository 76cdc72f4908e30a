import type * as restify from "restify";
import type { AppLogger } from "../logging/logger";
import type { CompiledFileRepository } from "../../storage/repositories/compiledFileRepository";
import { verifyDownload } from "./downloadLinks";
import { errorFields } from "../logging/errorFields";

export interface DownloadRouteOptions {
  files: Pick<CompiledFileRepository, "get">;
  secret: string;
  clock: () => Date;
  logger: AppLogger;
}

function plain(res: restify.Response, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
}

/** A header-safe file name: ASCII fallback plus the RFC 5987 UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** GET /downloads/:token — serves a compiled file to whoever holds an unexpired signed link. */
export function downloadRoute(options: DownloadRouteOptions): (server: restify.Server) => void {
  return (server) => {
    // A wildcard, not "/downloads/:token": restify's router refuses path parameters over 100 characters.
    server.get("/downloads/*", async (req: restify.Request, res: restify.Response) => {
      const params = (req.params ?? {}) as Record<string, unknown>;
      const token = typeof params["*"] === "string" ? params["*"] : "";
      const verified = verifyDownload(token, options.secret, options.clock());
      if (!verified.ok) {
        if (verified.reason === "expired")
          plain(res, 410, "This download link has expired. Ask the bot to compile again for a new one.");
        else plain(res, 401, "This download link is not valid.");
        return;
      }
      try {
        const file = await options.files.get(verified.fileId);
        if (!file) {
          plain(res, 404, "This file is no longer available.");
          return;
        }
        res.writeHead(200, {
          "Content-Type": file.contentType,
          "Content-Length": String(file.bytes.length),
          "Content-Disposition": contentDisposition(file.fileName),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        });
        res.end(file.bytes);
      } catch (error) {
        options.logger.error({ error: errorFields(error) }, "download failed");
        plain(res, 503, "The file could not be read just now. Try again in a minute.");
      }
    });
  };
}
