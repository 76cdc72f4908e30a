import { gzipSync } from "node:zlib";

const MIB = 1024 * 1024;

/**
 * A JSON activity padded with `mebibytes` MiB of spaces, gzipped in ~1 KB per MiB: concatenated gzip
 * members are one valid gzip stream (RFC 1952 §2.2), so it is built in milliseconds.
 */
export function gzipBomb(mebibytes: number): Buffer {
  const spaces = gzipSync(Buffer.alloc(MIB, 0x20));
  return Buffer.concat([
    gzipSync('{"type":"message","text":"'),
    ...Array.from({ length: mebibytes }, () => spaces),
    gzipSync('"}'),
  ]);
}
