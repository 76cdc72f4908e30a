/** The median (mean of the two middle values for an even count), or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = Math.floor(sorted.length / 2);
  const high = sorted[upper] as number;
  if (sorted.length % 2 === 1) return high;
  return ((sorted[upper - 1] as number) + high) / 2;
}
