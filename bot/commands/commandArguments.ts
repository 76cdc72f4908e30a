import { z } from "zod";
import { isTimeZone } from "../../assessment/time/isTimeZone";

/**
 * Argument grammars for the commands, each a zod schema over the words after the command name, so
 * a typo gets the same kind of "what to fix" message as a bad card submission.
 */
const areaNumber = z.coerce
  .number({ error: "area numbers are whole numbers such as 7" })
  .int("area numbers are whole numbers such as 7")
  .min(1, "area numbers start at 1");

/** Words like "7", "7,8" or "area 7" → [7] / [7, 8]; non-numeric words (mention leftovers) are ignored. */
export function parseAreaNumbers(
  args: readonly string[],
): { ok: true; areas: number[] } | { ok: false; message: string } {
  const words = args
    .flatMap((arg) => arg.split(","))
    .map((word) => word.trim())
    .filter((word) => /^\d+$|^-\d+$|^\d+\.\d+$/.test(word));
  const areas: number[] = [];
  for (const word of words) {
    const parsed = areaNumber.safeParse(word);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid area number" };
    if (!areas.includes(parsed.data)) areas.push(parsed.data);
  }
  return { ok: true, areas };
}

const detailsSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "name= needs the local authority's name")
      .max(200, "name= is too long (200 characters at most)")
      .optional(),
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "deadline= must be a date like 2026-12-18")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "deadline= is not a real date")
      .optional(),
    tz: z.string().refine(isTimeZone, "tz= must be a time zone such as Europe/London").optional(),
    how: z.string().trim().max(2000).optional(),
    roles: z.string().trim().max(2000).optional(),
  })
  .strict();
export type DetailsArguments = z.infer<typeof detailsSchema>;

/** `details name=Anytown Council deadline=2026-12-18 tz=Europe/London` — values run until the next key=. */
export function parseDetails(
  rawArgs: string,
): { ok: true; details: DetailsArguments } | { ok: false; message: string } {
  const pairs: Record<string, string> = {};
  // Word by word rather than /(\w+)=(.*?)(?=\s+\w+=|$)/gs, which backtracks quadratically: fuzzing
  // found `details` + one 66,000-character word blocking the event loop for 15 s.
  let key: string | undefined;
  for (const token of rawArgs.split(/(\s+)/)) {
    const keyed = /^(\w+)=/.exec(token);
    if (keyed?.[1]) {
      key = keyed[1].toLowerCase();
      pairs[key] = token.slice(keyed[0].length);
    } else if (key !== undefined) {
      pairs[key] = (pairs[key] ?? "") + token;
    }
  }
  for (const name of Object.keys(pairs)) pairs[name] = (pairs[name] ?? "").trim();
  if (Object.keys(pairs).length === 0) {
    return {
      ok: false,
      message:
        "Tell me what to set, e.g. **details name=Anytown Council deadline=2026-12-18 tz=Europe/London how=… roles=…**",
    };
  }
  const parsed = detailsSchema.safeParse(pairs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message =
      issue?.code === "unrecognized_keys"
        ? `I don't know ${issue.keys.join(", ")}= — use name=, deadline=, tz=, how= or roles=`
        : (issue?.message ?? "invalid details");
    return { ok: false, message };
  }
  return { ok: true, details: parsed.data };
}
