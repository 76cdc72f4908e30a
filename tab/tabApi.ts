/**
 * The page's one way to the server: every call carries the caller's proof — the Teams SSO token,
 * or locally the dev identity from the page's address — and JSON in both directions.
 */
export type Credentials =
  { kind: "sso"; token: () => Promise<string> } | { kind: "dev"; user: string; name: string; tenant: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createApi(credentials: Credentials) {
  const headers = async (): Promise<Record<string, string>> =>
    credentials.kind === "sso"
      ? { authorization: `Bearer ${await credentials.token()}` }
      : {
          "x-dev-user": credentials.user,
          "x-dev-name": encodeURIComponent(credentials.name),
          ...(credentials.tenant ? { "x-dev-tenant": credentials.tenant } : {}),
        };
  return async function call<T>(method: "GET" | "PUT" | "POST", path: string, body?: object): Promise<T> {
    const response = await fetch(`/tab/api${path}`, {
      method,
      headers: { ...(await headers()), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json().catch(() => ({}))) as T & { message?: string };
    // 422 (refused, with the reason) and 409 (asks for a confirmation) are answers the page shows.
    if (!response.ok && response.status !== 422 && response.status !== 409)
      throw new ApiError(response.status, json.message ?? `The server answered ${response.status}.`);
    return json;
  };
}

export type Api = ReturnType<typeof createApi>;

/** The same calls with paths under a prefix (one area's, say), so a part of a page names only its own path. */
export function scopedApi(api: Api, prefix: string): Api {
  return <T>(method: "GET" | "PUT" | "POST", path: string, body?: object) => api<T>(method, `${prefix}${path}`, body);
}

/** What to show for a failed call: the server's message (an ApiError) or the browser's (a network failure). */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
