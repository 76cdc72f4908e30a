import type { CommandHandler } from "../commandContext";

/** Hands over to the assignment dialog, which checks the role and walks through the form. */
export const assignCommand: CommandHandler = async ({ caller, assessment, rawArgs, startAssignDialog }) => {
  await startAssignDialog({ caller, assessment, rawArgs });
};
