import { percentile } from "./percentiles";

export interface LoadResult {
  requests: number;
  failures: number;
  wallMs: number;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * POSTs each body to `url` with at most `concurrency` requests in flight (one worker per slot,
 * taking the next body in order); latency is request start → full response body read.
 * `check` decides whether a response counts as a success.
 */
export async function drive(
  url: string,
  bodies: readonly object[],
  concurrency: number,
  check: (status: number, body: string) => boolean,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  // One iterator shared by the workers: each takes the next body in order.
  const pending = bodies.values();
  const started = performance.now();
  const worker = async () => {
    for (const body of pending) {
      const t0 = performance.now();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (!check(response.status, text)) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
  const wallMs = performance.now() - started;
  return {
    requests: bodies.length,
    failures,
    wallMs,
    throughput: (bodies.length / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
