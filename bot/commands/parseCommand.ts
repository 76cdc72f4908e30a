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
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const parsedWord = commandWordSchema.safeParse(word);
  const known = parsedWord.success ? COMMANDS.find((command) => command.name === word) : undefined;
  if (!known) return { kind: "unknown", word: first.slice(0, 40) };
  return { kind: "command", name: known.name, args: rest, rawArgs: trimmed.slice(first.length).trim() };
}

export function isCommandName(value: string): value is CommandName & Operation {
  return COMMANDS.some((command) => command.name === value);
}
