import type { CommandRegistry } from "./commandContext";
import { helpCommand } from "./handlers/helpCommand";
import { assignCommand } from "./handlers/assignCommand";
import { detailsCommand } from "./handlers/detailsCommand";
import { startCommand } from "./handlers/startCommand";
import { statusCommand } from "./handlers/statusCommand";
import { remindCommand } from "./handlers/remindCommand";
import { closeCommand, reopenCommand } from "./handlers/areaStatusCommands";
import { digestCommand } from "./handlers/digestCommand";
import { compileCommand } from "./handlers/compileCommand";
import { exportCommand } from "./handlers/exportCommand";
import { forgetCommand } from "./handlers/forgetCommand";
import { youngpeopleCommand } from "./handlers/youngpeopleCommand";
import { actionsCommand } from "./handlers/actionsCommand";
import { participationCommand } from "./handlers/participationCommand";
import { newCycleCommand } from "./handlers/newCycleCommand";

/** Every command's handler, in one explicit list (the type makes a missing one a compile error). */
export const COMMAND_HANDLERS: CommandRegistry = {
  help: helpCommand,
  assign: assignCommand,
  details: detailsCommand,
  start: startCommand,
  status: statusCommand,
  remind: remindCommand,
  close: closeCommand,
  reopen: reopenCommand,
  digest: digestCommand,
  compile: compileCommand,
  export: exportCommand,
  forget: forgetCommand,
  youngpeople: youngpeopleCommand,
  actions: actionsCommand,
  participation: participationCommand,
  "new cycle": newCycleCommand,
};
