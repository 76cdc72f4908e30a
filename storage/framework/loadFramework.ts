import { readFileSync } from "node:fs";
import path from "node:path";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { FrameworkFileError } from "../../assessment/framework/frameworkFileError";
import { parseFramework } from "../../assessment/framework/parseFramework";

/**
 * The framework bundled with the bot, kept beside the pure core that defines its shape. Resolved from this module
 * rather than the working directory so it is found however the bot or the tests are started (CommonJS under tsx).
 */
export const DEFAULT_FRAMEWORK_PATH = path.join(__dirname, "../../assessment/framework/baker-dixon-2020.json");

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
