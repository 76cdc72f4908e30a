/*
 * Orderings the compile sorts by. Compiling the same records in any order must give the same
 * result, so every sort ends on one of these rather than on arrival order.
 */

/** Code-unit order: unlike localeCompare it is the same on every machine and ICU build. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Earlier first; unparseable instants sort before every readable one, then by their text. */
export function compareInstants(a: string, b: string): number {
  const byTime = instantMs(a) - instantMs(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime < 0 ? -1 : 1;
  return compareText(a, b);
}

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}
