import { z } from "zod";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { Ports } from "../app/botServices";

/** The audit action of an export; its `after` lists the export's stored file ids. */
export const PERSON_EXPORTED = "personExported";

const summarySchema = z.object({ files: z.array(z.string()) });

export function exportFilesSummary(fileIds: readonly string[]): string {
  return JSON.stringify({ files: fileIds });
}

/**
 * Deletes the stored export files the given audit entries recorded: an export is a copy of the
 * person's data, so it must not outlive `forget` or retention. Returns how many files went.
 */
export async function deleteExportFiles(
  services: Ports<never, "compiledFiles">,
  entries: readonly AuditEntry[],
): Promise<number> {
  const fileIds = entries
    .filter((entry) => entry.action === PERSON_EXPORTED)
    .flatMap((entry) => {
      const parsed = summarySchema.safeParse(safeJson(entry.after));
      return parsed.success ? parsed.data.files : [];
    });
  const deleted = await Promise.all(fileIds.map((fileId) => services.storage.compiledFiles.delete(fileId)));
  return deleted.filter(Boolean).length;
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
