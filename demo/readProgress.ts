import type { CastMember } from "./demoCast";
import type { TeamsDriver } from "./teamsDriver";

/** One area's progress as the coordinator's `status` shows it. */
export interface AreaProgressLine {
  areaNumber: number;
  status: string;
  people: number;
  statementsAnswered: number;
  statements: number;
}

const FACT = /^(\w+) · .* · (\d+) people · (\d+)\/(\d+) statements answered$/;

/**
 * Asks the bot for progress the way the coordinator does (`status` in their 1:1 chat) and reads the
 * overview card's facts, one per area: "open · <channel> · 4 people · 12/15 statements answered".
 */
export async function readProgress(driver: TeamsDriver, coordinator: CastMember): Promise<AreaProgressLine[]> {
  const cards = await driver.inPersonalChat(coordinator, "status");
  const facts = cards.flatMap((card) => factsOf(card));
  return facts.flatMap(({ title, value }) => {
    const number = Number(/^(\d+)\./.exec(title)?.[1]);
    const match = FACT.exec(value);
    if (!match || !Number.isInteger(number)) return [];
    return [
      {
        areaNumber: number,
        status: match[1] ?? "",
        people: Number(match[2]),
        statementsAnswered: Number(match[3]),
        statements: Number(match[4]),
      },
    ];
  });
}

function factsOf(node: unknown): Array<{ title: string; value: string }> {
  if (Array.isArray(node)) return node.flatMap(factsOf);
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  if (record["type"] === "FactSet" && Array.isArray(record["facts"])) {
    return (record["facts"] as Array<{ title?: unknown; value?: unknown }>).flatMap((fact) =>
      typeof fact.title === "string" && typeof fact.value === "string"
        ? [{ title: fact.title, value: fact.value }]
        : [],
    );
  }
  return Object.values(record).flatMap(factsOf);
}
