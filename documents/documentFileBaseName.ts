import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";

/**
 * "self-assessment-northshire-county-council-2025-04-19": safe on every file system and in a
 * Teams file link (ASCII letters, digits and hyphens only; accents folded, length capped).
 */
export function documentFileBaseName(compiled: CompiledAssessment): string {
  const slug = compiled.frontSheet.localAuthority
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return `self-assessment-${slug || "local-authority"}-${compiled.frontSheet.dateCompleted}`;
}
