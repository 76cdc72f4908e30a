import { readFileSync } from "node:fs";
import path from "node:path";
import { frameworkSchema, type Framework } from "./frameworkSchema";
import { FrameworkFileError } from "./frameworkFileError";

/**
 * The framework bundled with the bot. Resolved from this module rather than the working directory
 * so it is found however the bot or the tests are started (the project runs as CommonJS under tsx).
 */
export const DEFAULT_FRAMEWORK_PATH = path.join(__dirname, "baker-dixon-2020.json");

/** Validates already-parsed JSON; `sourceName` only labels the error message. */
export function parseFramework(json: unknown, sourceName: string): Framework {
  const result = frameworkSchema.safeParse(json);
  if (!result.success) {
    throw new FrameworkFileError(
      sourceName,
      result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
      { cause: result.error },
    );
  }
  return result.data;
}

/** Reads, JSON-parses and validates a framework file; every failure is a FrameworkFileError naming the file. */
export function loadFramework(filePath: string): Framework {
  const sourceName = path.basename(filePath);
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    // Keep the full path here: when the file is missing, its name alone does not say where we looked.
    throw new FrameworkFileError(sourceName, [`cannot read ${filePath}: ${describe(error)}`], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FrameworkFileError(sourceName, [`invalid JSON: ${describe(error)}`], { cause: error });
  }
  return parseFramework(json, sourceName);
}

/** ["areas", 2, "statements", 4, "text"] -> "areas[2].statements[4].text", as someone editing the JSON reads it. */
function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return "(root)";
  let formatted = "";
  for (const key of issuePath) {
    if (typeof key === "number") formatted += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) formatted += formatted === "" ? key : `.${key}`;
    else formatted += `[${JSON.stringify(String(key))}]`;
  }
  return formatted;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
