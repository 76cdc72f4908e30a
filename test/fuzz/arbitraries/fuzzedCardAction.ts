import fc from "fast-check";
import { CARD_VERBS } from "../../../bot/actions/cardVerbs";
import { generateEvidence } from "../../../simulator/assessment/generateAssessmentText";
import { seededRandom } from "../../../simulator/assessment/generateAssessmentRandom";
import type { CardActionTemplate } from "../support/cardActionTemplates";
import { adversarialText } from "./adversarialText";
import { wrongTypedValue } from "./wrongTypedValue";

/** Who presses the button: someone entitled to ("home"), or someone the verb must refuse. */
export type FuzzSender = "home" | "outsider";

export type FuzzedCardAction =
  | {
      kind: "payload";
      verb: string;
      data: Record<string, unknown>;
      sender: FuzzSender;
      trigger: "manual" | "automatic";
    }
  | { kind: "raw"; value: unknown; sender: FuzzSender };

/** Rating and score strings around what the ChoiceSets send ("1"–"4", "0"–"10"). */
export const NUMBER_EDGES: readonly string[] = [
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "10",
  "11",
  "100",
  "007",
  "-1",
  "-0",
  "4 ",
  " 4",
  "\n4\t",
  "4.5",
  "4.0",
  "3.",
  ".5",
  "NaN",
  "Infinity",
  "0x4",
  "0b11",
  "1e1",
  "+3",
  "",
  " ",
  "\u00a04",
  "٣",
  "４",
  "3\u0000",
  "3\u200b",
  "1,2",
  "4e-0",
  "9999999999",
];

const plausibleText: fc.Arbitrary<string> = fc
  .integer()
  .map((seed) => generateEvidence(seededRandom(seed), 7, "housing", 3));

function validData(template: CardActionTemplate): fc.Arbitrary<Record<string, unknown>> {
  const choices = Object.entries(template.choices).map(([key, values]) =>
    fc.constantFrom(...values).map((value) => [key, value] as const),
  );
  const texts = template.texts.map((key) => plausibleText.map((value) => [key, value] as const));
  return fc.tuple(...choices, ...texts).map((entries) => ({ ...template.fixed, ...Object.fromEntries(entries) }));
}

type Mutation = { key: string; drop: true } | { key: string; drop: false; value: unknown };

/**
 * The inputs that belong to the action: on a digest page every statement's inputs are sent with
 * every button, but `recordDecision` for 7a reads agreed_7a and rationale_7a; buttons without a
 * statement read the inputs that name none. Mutations aim at these half the time.
 */
function focusKeys(template: CardActionTemplate, keys: readonly string[]): string[] {
  const statementId = template.fixed["statementId"];
  const perStatement = /_\d{1,2}[a-z]$/;
  const focus = keys.filter((key) =>
    typeof statementId === "string" && statementId !== "global"
      ? key.endsWith(`_${statementId}`)
      : !perStatement.test(key),
  );
  return focus.length > 0 ? focus : [...keys];
}

function keyFrom(template: CardActionTemplate, keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...focusKeys(template, keys)), fc.constantFrom(...keys));
}

function mutation(template: CardActionTemplate): fc.Arbitrary<Mutation> {
  const known = keyFrom(template, [
    ...Object.keys(template.fixed),
    ...Object.keys(template.choices),
    ...template.texts,
  ]);
  const choiceKeys = Object.keys(template.choices);
  const extraKey = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "assessmentId ", "statementId\u0000", "a/b#c?d"),
    fc.string({ maxLength: 12 }),
  );
  return fc.oneof(
    known.map((key): Mutation => ({ key, drop: true })),
    fc.tuple(known, wrongTypedValue).map(([key, value]): Mutation => ({ key, drop: false, value })),
    {
      weight: 3,
      arbitrary: fc.tuple(known, adversarialText()).map(([key, value]): Mutation => ({ key, drop: false, value })),
    },
    ...(choiceKeys.length > 0
      ? [
          {
            weight: 2,
            arbitrary: fc
              .tuple(keyFrom(template, choiceKeys), fc.constantFrom(...NUMBER_EDGES))
              .map(([key, value]): Mutation => ({ key, drop: false, value })),
          },
        ]
      : []),
    fc
      .tuple(extraKey, fc.oneof(adversarialText(), wrongTypedValue))
      .map(([key, value]): Mutation => ({ key, drop: false, value })),
  );
}

function applyMutations(data: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...data };
  for (const change of mutations) {
    // defineProperty, not assignment: "__proto__" must become an own key, as JSON.parse makes it.
    if (change.drop) Reflect.deleteProperty(result, change.key);
    else
      Object.defineProperty(result, change.key, {
        value: change.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
  }
  return result;
}

/** A payload a posted card sends, with 0–3 fields dropped, retyped or replaced, maybe under another verb. */
function mutatedPayload(template: CardActionTemplate): fc.Arbitrary<FuzzedCardAction> {
  const verb = fc.oneof(
    { weight: 8, arbitrary: fc.constant(template.verb) },
    { weight: 1, arbitrary: fc.constantFrom(...CARD_VERBS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  );
  return fc
    .record({
      verb,
      data: validData(template),
      mutations: fc.array(mutation(template), { maxLength: 3 }),
      sender: fc.constantFrom<FuzzSender>("home", "home", "home", "outsider"),
      trigger: fc.constantFrom<"manual" | "automatic">("manual", "manual", "automatic"),
    })
    .map(({ verb: chosen, data, mutations, sender, trigger }) => ({
      kind: "payload",
      verb: chosen,
      data: applyMutations(data, mutations),
      sender,
      trigger,
    }));
}

/** A whole invoke value of any shape: what a forged or broken client could post. */
const rawInvokeValue: fc.Arbitrary<unknown> = fc.oneof(
  wrongTypedValue,
  fc.record(
    {
      action: fc.oneof(
        wrongTypedValue,
        fc.record(
          {
            type: fc.oneof(fc.constant("Action.Execute"), fc.constant("Action.Submit"), wrongTypedValue),
            verb: fc.oneof(fc.constantFrom(...CARD_VERBS), adversarialText(), wrongTypedValue),
            data: fc.oneof(
              wrongTypedValue,
              fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(adversarialText(), wrongTypedValue), { maxKeys: 6 }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      trigger: fc.oneof(fc.constantFrom("manual", "automatic"), wrongTypedValue),
    },
    { requiredKeys: [] },
  ),
);

/** Every kind of card action input, drawn from the valid templates of cards the bot posted. */
export function fuzzedCardAction(templates: readonly CardActionTemplate[]): fc.Arbitrary<FuzzedCardAction> {
  return fc.oneof(
    // A verb first, then one of its cards' actions, so the many statement cards don't crowd out the digest's verbs.
    {
      weight: 17,
      arbitrary: fc
        .constantFrom(...new Set(templates.map((template) => template.verb)))
        .chain((verb) => fc.constantFrom(...templates.filter((template) => template.verb === verb)))
        .chain(mutatedPayload),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ value: rawInvokeValue, sender: fc.constantFrom<FuzzSender>("home", "outsider") })
        .map(({ value, sender }): FuzzedCardAction => ({ kind: "raw", value, sender })),
    },
  );
}
