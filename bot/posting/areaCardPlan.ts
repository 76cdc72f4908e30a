import type { Area } from "../../assessment/framework/frameworkSchema";

/** The cards `start` posts for an area, in order: the intro, each statement, then the global score. */
export type AreaCardKey = { kind: "intro" } | { kind: "statement"; statementId: string } | { kind: "global" };

export function areaCardPlan(area: Area): AreaCardKey[] {
  return [
    { kind: "intro" },
    ...area.statements.map((statement) => ({ kind: "statement" as const, statementId: statement.id })),
    { kind: "global" },
  ];
}

/** The stored key of a posted card: "intro", the statement id, or "global". */
export function cardKeyName(key: AreaCardKey): string {
  return key.kind === "statement" ? key.statementId : key.kind;
}
