import { z } from "zod";
import { COMMANDS } from "./commandCatalogue";
import type { Operation } from "../../assessment/roles/authorizationMatrix";

export type CommandName = (typeof COMMANDS)[number]["name"];

export type ParsedCommand =
  | { kind: "command"; name: CommandName; args: string[]; rawArgs: string }
  | { kind: "empty" }
  | { kind: "unknown"; word: string };

const commandWordSchema = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z-]*$/);

/**
 * Splits command text (mentions already removed) into the command and its arguments. The first
 * word is matched case-insensitively; a leading "/" (as some users type) is ignored.
 */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim().replace(/^\//, "");
  if (trimmed === "") return { kind: "empty" };
  const [first = "", second = "", ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  if (!commandWordSchema.safeParse(word).success) return { kind: "unknown", word: first.slice(0, 40) };
  // A two-word command ("new cycle") is tried before a one-word one that starts it.
  const phrase = `${word} ${second.toLowerCase()}`;
  const twoWords = COMMANDS.find((command) => command.name === phrase);
  if (twoWords) {
    const typed = trimmed.slice(first.length).trimStart();
    return { kind: "command", name: twoWords.name, args: rest, rawArgs: typed.slice(second.length).trim() };
  }
  const known = COMMANDS.find((command) => command.name === word);
  if (!known) return { kind: "unknown", word: first.slice(0, 40) };
  const args = second === "" ? rest : [second, ...rest];
  return { kind: "command", name: known.name, args, rawArgs: trimmed.slice(first.length).trim() };
}

export function isCommandName(value: string): value is CommandName & Operation {
  return COMMANDS.some((command) => command.name === value);
}
