/**
 * Every table the bot uses, in one place. The deployed name is the configured prefix + this name,
 * so several installations (or test runs) can share one storage account.
 */
export const TABLE_NAMES = {
  assessments: "Assessments",
  assignments: "Assignments",
  responses: "Responses",
  moderation: "Moderation",
  actionPlan: "ActionPlan",
  audit: "Audit",
  postedCards: "PostedCards",
  conversations: "Conversations",
  deliveries: "Deliveries",
  botState: "BotState",
  compiledFiles: "CompiledFiles",
} as const;

export type TableId = keyof typeof TABLE_NAMES;
