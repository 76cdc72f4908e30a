import type { PipelinePolicy } from "./tableClientFactory";

/**
 * Writes every non-ASCII character of a JSON text as a \uXXXX escape. Outside strings JSON is
 * ASCII already, so only string contents change, and they parse back to the same value.
 */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Azurite 3.35 decodes a request body chunk by chunk, so a multi-byte UTF-8 character that
 * straddles a chunk boundary (bodies over ~64 KiB, e.g. large bot state) is stored as U+FFFD
 * (Azure/Azurite#2670, open). Sending ASCII-only JSON avoids it. Only used against a local
 * emulator: Azure itself decodes correctly and the escapes would only cost bytes.
 */
export const emulatorBodyPolicy: PipelinePolicy = {
  name: "escapeNonAsciiForAzurite",
  sendRequest: (request, next) => {
    if (typeof request.body === "string") {
      request.body = escapeNonAscii(request.body);
      request.headers.delete("Content-Length");
    }
    return next(request);
  },
};
