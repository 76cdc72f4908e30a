import fc from "fast-check";
import { COMMANDS } from "../../../bot/commands/commandCatalogue";
import { adversarialText, hugeText, shortAdversarialText } from "./adversarialText";
import { wrongTypedValue } from "./wrongTypedValue";

/** Who types, and where: the coordinator, the group's lead or a member; in the group's channel, another channel or a 1:1 chat. */
export type FuzzAuthor = "coordinator" | "lead" | "member";
export type FuzzPlace = "group" | "other" | "personal";

/** An @mention as Teams puts it in `entities` (an id and a name), either of which may be hostile. */
export interface FuzzMention {
  id: string;
  name: string;
}

export interface FuzzedMessage {
  text: string;
  mentions: FuzzMention[];
  /** Replaces the message's `entities` outright: wrong types, missing fields. */
  rawEntities?: unknown;
  author: FuzzAuthor;
  place: FuzzPlace;
}

const commandNames = COMMANDS.map((command) => command.name);

/** A command word as people type it: any case, a leading "/", stray blanks. */
const commandWord = fc
  .tuple(
    fc.constantFrom(...commandNames),
    fc.constantFrom("", "/", " ", "\u00a0", "\t"),
    fc.constantFrom("lower", "upper", "mixed"),
  )
  .map(
    ([name, prefix, casing]) =>
      prefix +
      (casing === "upper"
        ? name.toUpperCase()
        : casing === "mixed"
          ? name.replace(/^./, (first) => first.toUpperCase())
          : name),
  );

/** Arguments close to each command's grammar: area lists, numbers at the edges, key=value details. */
const areaArgument = fc.constantFrom(
  "7",
  "7,8",
  "area 7",
  "1 2 3 4 5 6 7 8 9 10",
  "0",
  "-1",
  "11",
  "99",
  "100",
  "7.5",
  "1e3",
  "0x7",
  "99999999999999999999",
  "7,,8",
  ",",
  "٧",
  "７",
);
const detailsArgument = fc
  .array(
    fc.tuple(
      fc.constantFrom("name", "deadline", "tz", "how", "roles", "NAME", "bogus", "__proto__", "constructor", ""),
      fc.oneof(
        adversarialText(),
        fc.constantFrom("2026-12-18", "2026-02-30", "9999-99-99", "Europe/London", "Mars/Olympus", "UTC"),
      ),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join(" "));

const argumentsText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: shortAdversarialText },
      { weight: 2, arbitrary: areaArgument },
      { weight: 1, arbitrary: detailsArgument },
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(" "));

const text = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(commandWord, argumentsText).map(([word, args]) => `${word} ${args}`) },
  { weight: 3, arbitrary: adversarialText() },
  { weight: 1, arbitrary: fc.tuple(commandWord, hugeText).map(([word, args]) => `${word} ${args}`) },
);

const mention: fc.Arbitrary<FuzzMention> = fc.record({
  id: fc.oneof(
    fc.uuid().map((uuid) => `29:1${uuid.replace(/-/g, "")}`),
    shortAdversarialText.filter((value) => value !== ""),
    fc.string({ minLength: 129, maxLength: 600 }),
  ),
  // Display names stay short: each one is in the text and in `entities`, and three huge ones would pass the 1 MiB body limit.
  name: fc.oneof(
    shortAdversarialText,
    fc.constantFrom("Lee Lead", "</at>", "<at>", "Self-Assessment"),
    fc.string({ minLength: 250, maxLength: 300 }),
  ),
});

const rawEntities: fc.Arbitrary<unknown> = fc.oneof(
  wrongTypedValue,
  fc.array(
    fc.oneof(
      wrongTypedValue,
      fc.record(
        { type: fc.oneof(fc.constant("mention"), wrongTypedValue), mentioned: wrongTypedValue, text: wrongTypedValue },
        { requiredKeys: [] },
      ),
    ),
    { maxLength: 3 },
  ),
);

/** Command texts (random, or valid names with hostile arguments, or very long) with mentions of any shape. */
export const fuzzedMessage: fc.Arbitrary<FuzzedMessage> = fc.record(
  {
    text,
    mentions: fc.array(mention, { maxLength: 3 }),
    rawEntities: fc.option(rawEntities, { freq: 8, nil: undefined }),
    author: fc.constantFrom<FuzzAuthor>("coordinator", "lead", "member", "member"),
    place: fc.constantFrom<FuzzPlace>("group", "group", "group", "other", "personal"),
  },
  { requiredKeys: ["text", "mentions", "author", "place"] },
);
