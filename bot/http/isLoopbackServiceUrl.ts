const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether an activity's serviceUrl (where the bot sends its replies) is on this machine. Without
 * authentication nobody vouches for an activity's origin, so only a local stand-in (the Bot Framework
 * Emulator, a dev tunnel's local end, simulator/teams) may receive what the bot sends.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    LOOPBACK_HOSTS.has(url.hostname)
  );
}
