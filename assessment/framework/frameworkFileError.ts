/**
 * A framework file that cannot be used: unreadable, not JSON, or not the framework shape.
 * The bot loads its framework at start-up, so the message must let whoever edited the file fix it
 * without a debugger: it names the file and every bad path, one problem per line.
 */
export class FrameworkFileError extends Error {
  override readonly name = "FrameworkFileError";

  constructor(
    /** The file (or other source) name the problems were found in, as shown in the message. */
    readonly sourceName: string,
    /** Each problem as "path: message" (or a bare message when it concerns the whole file). */
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(problems.map((problem) => `${sourceName}: ${problem}`).join("\n"), options);
  }
}
