import fc from "fast-check";
import type { Person } from "../../../assessment/answers/person";
import { shortAdversarialText } from "./adversarialText";

/**
 * Someone as Teams identifies them: ids shaped as Teams sends them (AAD object ids are GUIDs; a
 * forged, longer id is a different problem, see the report), display names anything up to the
 * 256 characters a Person allows.
 */
export const fuzzedPerson: fc.Arbitrary<Person> = fc
  .record({ aad: fc.uuid(), name: shortAdversarialText.filter((name) => name.length <= 256) })
  .map(({ aad, name }) => ({ aadObjectId: aad, teamsUserId: `29:1${aad.replace(/-/g, "")}`, name }));
