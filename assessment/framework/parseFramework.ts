import { frameworkSchema, type Framework } from "./frameworkSchema";
import { FrameworkFileError } from "./frameworkFileError";

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
