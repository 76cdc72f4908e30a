import type { Area, Framework, RatingLevel, RatingValue, Statement } from "./frameworkSchema";

/** The area with this number (1-based, as printed in the framework), if the framework has it. */
export function findArea(framework: Framework, areaNumber: number): Area | undefined {
  return framework.areas.find((area) => area.number === areaNumber);
}

/**
 * The statement with this id (e.g. "7a") and its area. Ids arrive from chat commands and card
 * inputs, so surrounding spaces and upper case ("7A") are tolerated.
 */
export function findStatement(
  framework: Framework,
  statementId: string,
): { area: Area; statement: Statement } | undefined {
  const wanted = statementId.trim().toLowerCase();
  for (const area of framework.areas) {
    const statement = area.statements.find((candidate) => candidate.id === wanted);
    if (statement) return { area, statement };
  }
  return undefined;
}

/** The scale level for a rating value. The schema guarantees every value 1-4 is on the scale once. */
export function ratingLevel(framework: Framework, value: RatingValue): RatingLevel {
  const level = framework.scale.find((candidate) => candidate.value === value);
  if (!level) throw new Error(`framework ${framework.id} has no rating level with value ${value}`);
  return level;
}

/** How many statements the framework asks the group to rate, across all areas. */
export function statementCount(framework: Framework): number {
  return framework.areas.reduce((total, area) => total + area.statements.length, 0);
}
