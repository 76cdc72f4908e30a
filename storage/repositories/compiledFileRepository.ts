import { odata, type TableClient } from "@azure/data-tables";
import { isEntityNotFound, translateStorageError } from "../translateStorageError";

/** A generated document, as the download route serves it. */
export interface CompiledFile {
  fileId: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface StoredCompiledFile extends CompiledFile {
  createdAt: string;
}

/** Base64 characters per chunk row: 60 KB as UTF-16, under the 64 KiB property limit. */
export const CHUNK_CHARS = 30_000;
const HEADER_ROW = "header";
const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const PARALLEL_WRITES = 8;

function chunkRowKey(index: number): string {
  return String(index).padStart(6, "0");
}

/**
 * Compiled documents (docx, csv, json) kept in Azure Tables, so the bot needs no blob storage.
 * Table CompiledFiles: PartitionKey = random file id; RowKey "000000", "000001", … = chunks of the
 * file's base64 (≤ 30,000 characters each), and RowKey "header" = content type, file name, size,
 * created and chunk count. The header is written last, so a half-written file is never served.
 */
export class CompiledFileRepository {
  constructor(private readonly client: TableClient) {}

  async save(file: CompiledFile, createdAt: string): Promise<void> {
    if (!FILE_ID.test(file.fileId)) throw new Error("A compiled file id must be letters, digits, - or _");
    const base64 = file.bytes.toString("base64");
    const chunks: string[] = [];
    for (let start = 0; start < base64.length; start += CHUNK_CHARS)
      chunks.push(base64.slice(start, start + CHUNK_CHARS));
    for (let first = 0; first < chunks.length; first += PARALLEL_WRITES) {
      await Promise.all(
        chunks
          .slice(first, first + PARALLEL_WRITES)
          .map((data, offset) => this.write({ partitionKey: file.fileId, rowKey: chunkRowKey(first + offset), data })),
      );
    }
    await this.write({
      partitionKey: file.fileId,
      rowKey: HEADER_ROW,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.bytes.length,
      chunks: chunks.length,
      createdAt,
    });
  }

  /** Undefined when there is no such (complete) file. */
  async get(fileId: string): Promise<StoredCompiledFile | undefined> {
    if (!FILE_ID.test(fileId)) return undefined;
    let header;
    try {
      header = await this.client.getEntity<{
        fileName: string;
        contentType: string;
        size: number;
        chunks: number;
        createdAt: string;
      }>(fileId, HEADER_ROW);
    } catch (error) {
      if (isEntityNotFound(error)) return undefined;
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: fileId,
        rowKey: HEADER_ROW,
        conditional: false,
      });
    }
    // Indexed by chunk number: a chunk that was never stored leaves a hole.
    const parts: (string | undefined)[] = [];
    try {
      const rows = this.client.listEntities<{ data?: string }>({
        queryOptions: { filter: `PartitionKey eq '${fileId}' and RowKey lt '${HEADER_ROW}'` },
      });
      for await (const row of rows) {
        const index = Number(row.rowKey);
        if (Number.isInteger(index) && index < header.chunks) parts[index] = row.data ?? "";
      }
    } catch (error) {
      throw translateStorageError(error, { table: this.client.tableName, partitionKey: fileId, conditional: false });
    }
    if (parts.length !== header.chunks || parts.some((part) => part === undefined))
      throw new Error(`Compiled file ${fileId} is missing chunks`);
    const bytes = Buffer.from(parts.join(""), "base64");
    if (bytes.length !== header.size)
      throw new Error(`Compiled file ${fileId} has ${bytes.length} bytes, expected ${header.size}`);
    return { fileId, fileName: header.fileName, contentType: header.contentType, bytes, createdAt: header.createdAt };
  }

  /** Deletes a file (header first, so it is never served half-deleted); false when there was none. */
  async delete(fileId: string): Promise<boolean> {
    if (!FILE_ID.test(fileId)) return false;
    try {
      const rows = this.client.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${fileId}`, select: ["RowKey"] },
      });
      const rowKeys: string[] = [];
      for await (const row of rows) rowKeys.push(row.rowKey ?? "");
      const ordered = [
        ...rowKeys.filter((rowKey) => rowKey === HEADER_ROW),
        ...rowKeys.filter((rowKey) => rowKey !== HEADER_ROW),
      ];
      for (const rowKey of ordered)
        await this.client.deleteEntity(fileId, rowKey).catch((error: unknown) => {
          if (!isEntityNotFound(error)) throw error;
        });
      return ordered.length > 0;
    } catch (error) {
      throw translateStorageError(error, { table: this.client.tableName, partitionKey: fileId, conditional: false });
    }
  }

  private async write(entity: {
    partitionKey: string;
    rowKey: string;
    [property: string]: string | number;
  }): Promise<void> {
    try {
      await this.client.upsertEntity(entity, "Replace");
    } catch (error) {
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: entity.partitionKey,
        rowKey: entity.rowKey,
        conditional: false,
      });
    }
  }
}
