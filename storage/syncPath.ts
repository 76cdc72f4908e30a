import { open } from "node:fs/promises";

/**
 * fsyncs a file, or a folder (which makes a rename or a new file in it survive a power cut; Linux
 * and macOS allow opening a folder read-only for this).
 */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
