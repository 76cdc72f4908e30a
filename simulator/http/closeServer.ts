import type { Server } from "node:http";

/**
 * Stops a stand-in's server and waits until it has closed; one that was never started (or failed
 * to close because it was not listening) counts as stopped, so a test's clean-up never throws.
 */
export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (server)
      server.close(() => {
        resolve();
      });
    else resolve();
  });
}
