/** Log lines of turns that failed (the adapter's onTurnError): every one is a crash the user saw. */
export function turnFailures(logLines: readonly string[]): string[] {
  return logLines.filter((line) => line.includes('"turn failed"'));
}
