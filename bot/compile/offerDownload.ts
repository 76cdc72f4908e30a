import { randomBytes } from "node:crypto";
import type { Ports } from "../app/botServices";
import { signDownload } from "./downloadLinks";

/** Storing a file and signing its expiring link. */
export type OfferPorts = Ports<"config" | "downloadBaseUrl" | "downloadSecret", "compiledFiles">;

/**
 * Stores a generated file with the compiled documents and returns a signed link that expires after
 * DOWNLOAD_LINK_TTL_MINUTES: the file id is random, so only the link's holder can fetch it.
 */
export async function offerDownload(
  services: OfferPorts,
  file: { fileName: string; contentType: string; bytes: Buffer },
  now: Date,
): Promise<{ fileId: string; url: string }> {
  const fileId = randomBytes(16).toString("hex");
  await services.storage.compiledFiles.save({ fileId, ...file }, now.toISOString());
  const expiresAt = new Date(now.getTime() + services.config.downloadLinks.ttlMinutes * 60_000);
  return {
    fileId,
    url: `${services.downloadBaseUrl()}/downloads/${signDownload({ fileId, expiresAt }, services.downloadSecret)}`,
  };
}
