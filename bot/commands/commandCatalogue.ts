import type { Operation } from "../../assessment/roles/authorizationMatrix";

/**
 * Every command the bot understands, in one place: the help text, the parser registry and the
 * Teams manifest's command menu are all generated from this list.
 */
export interface CommandInfo {
  name: Operation;
  /** Shown in the Teams command menu (manifest `commandLists`, ≤ 128 characters). */
  description: string;
  /** How to type it, shown by `help`. */
  usage: string;
  /** Where it makes sense: a working-group channel, or a personal chat with the bot. */
  scopes: ReadonlyArray<"team" | "personal" | "groupChat">;
}

export const COMMANDS = [
  {
    name: "help",
    description: "List the commands you can use",
    usage: "help",
    scopes: ["team", "personal", "groupChat"],
  },
  {
    name: "assign",
    description: "Give this channel's working group its area(s) and lead(s)",
    usage: "assign [area numbers] [@lead …]",
    scopes: ["team"],
  },
  {
    name: "details",
    description: "Set the local authority's name, deadline and time zone",
    usage: "details name=<local authority> deadline=<yyyy-mm-dd> tz=<Europe/London>",
    scopes: ["team", "personal"],
  },
  {
    name: "start",
    description: "Post this group's statements as cards",
    usage: "start [area number]",
    scopes: ["team"],
  },
  {
    name: "status",
    description: "Show how many have answered each statement",
    usage: "status [area number]",
    scopes: ["team", "personal"],
  },
  {
    name: "remind",
    description: "Nudge those who have not answered yet",
    usage: "remind [area number]",
    scopes: ["team"],
  },
  {
    name: "close",
    description: "Close an area for answers",
    usage: "close [area number]",
    scopes: ["team", "personal"],
  },
  { name: "reopen", description: "Reopen a closed area", usage: "reopen [area number]", scopes: ["team", "personal"] },
  {
    name: "digest",
    description: "Send the moderation digest to the leads now",
    usage: "digest [area number]",
    scopes: ["team", "personal"],
  },
  {
    name: "compile",
    description: "Compile the completed self-assessment",
    usage: "compile",
    scopes: ["team", "personal", "groupChat"],
  },
  {
    name: "export",
    description: "Export everything one person wrote (links go to your personal chat)",
    usage: "export @person (or their Entra object id)",
    scopes: ["team", "personal"],
  },
  {
    name: "youngpeople",
    description: "Record the young people's own global score for each area",
    usage: "youngpeople [1=6 2=5 … from=<where the scores came from>]",
    scopes: ["team", "personal"],
  },
  {
    name: "actions",
    description: "Set owners, due dates and status of the action plan",
    usage: "actions [area number]",
    scopes: ["team", "personal"],
  },
  {
    name: "participation",
    description: "Name who may enter the young people's scores",
    usage: "participation @person (or: participation none)",
    scopes: ["team"],
  },
  {
    name: "new cycle",
    description: "Close this assessment and start the next cycle with the same groups, after you confirm",
    usage: "new cycle",
    scopes: ["personal"],
  },
  {
    name: "forget",
    description: "Erase one person's answers and name, after you confirm",
    usage: "forget @person (or their Entra object id)",
    scopes: ["team", "personal"],
  },
] as const satisfies readonly CommandInfo[];
