import { readFile } from "node:fs/promises";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { bundledSchemaPath } from "./manifestSchema";

type ManifestArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type SchemaArgument = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

let schemaLoading: Promise<SchemaArgument> | undefined;

/**
 * Checks a manifest against the schema bundled in @microsoft/app-manifest, offline, with the same
 * validator (ajv, draft-04) the Microsoft 365 Agents Toolkit uses. Returns one readable line per
 * problem, such as `name.short: is required`; an empty list means valid.
 *
 * Passing the schema explicitly matters: without it the library would fetch the `$schema` URL
 * whenever the bundled copy is missing.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  schemaLoading ??= loadBundledSchema();
  const schema = await schemaLoading;
  // The schema, not TypeScript, decides what a valid manifest is: anything may be handed in.
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as ManifestArgument, schema);
  return [...new Set(problems.map((problem) => readableProblem(problem, manifest)))];
}

async function loadBundledSchema(): Promise<SchemaArgument> {
  const text = await readFile(bundledSchemaPath(), "utf8");
  return JSON.parse(text) as SchemaArgument;
}

/**
 * The library reports `<JSON pointer> <ajv message>. Details: <ajv params as JSON>`; we turn the
 * pointer into a dotted path, name the missing or unknown property, list allowed values and show
 * what was found. Anything in another shape is passed through unchanged.
 */
function readableProblem(problem: string, manifest: unknown): string {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(problem);
  if (!match) return problem;
  const [, pointer = "", message = "", detailsJson = ""] = match;
  const segments = pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  const details = parseDetails(detailsJson);
  if (typeof details.missingProperty === "string")
    return `${dottedPath([...segments, details.missingProperty])}: is required`;
  if (typeof details.additionalProperty === "string")
    return `${dottedPath([...segments, details.additionalProperty])}: is not a property this manifest version knows`;
  const found = describeValue(valueAt(manifest, segments));
  const rule = Array.isArray(details.allowedValues)
    ? `must be one of ${details.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`
    : message;
  return `${dottedPath(segments)}: ${rule}${found ? ` (found ${found})` : ""}`;
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function dottedPath(segments: readonly string[]): string {
  if (segments.length === 0) return "manifest";
  return segments
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Short scalars only: a 4,000-character description would drown the message it explains. */
function describeValue(value: unknown): string | undefined {
  if (typeof value === "string") return value.length <= 60 ? JSON.stringify(value) : `${value.length} characters`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
