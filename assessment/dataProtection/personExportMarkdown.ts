import { formatDateTime } from "../time/formatDates";
import type { PersonExport } from "./personExport";
import { markdownLiteral } from "../text/markdownLiteral";

/** What the person typed, shown as written: escaped, and its line breaks kept inside the list item. */
function typed(text: string): string {
  return markdownLiteral(text).replace(/\r?\n/g, "  \n  ");
}

/**
 * The same export as a readable document: the JSON is for machines (ISO instants), this is for the
 * person (times in the assessment's time zone).
 */
export function personExportMarkdown(data: PersonExport, timeZone: string): string {
  const when = (instant: string) => formatDateTime(instant, timeZone);
  const lines = [
    `# Personal data export`,
    "",
    `Assessment: ${data.assessmentId}  `,
    `Person: ${typed(data.person.name) || "(name not recorded)"} (${data.person.aadObjectId})  `,
    `Exported: ${when(data.exportedAt)}  `,
    `Roles: ${[data.roles.coordinator ? "coordinator" : "", data.roles.leadOfAreas.length > 0 ? `lead of ${data.roles.leadOfAreas.length === 1 ? "area" : "areas"} ${data.roles.leadOfAreas.join(", ")}` : ""].filter(Boolean).join("; ") || "member"}`,
    "",
    `## Answers (${data.answers.length})`,
  ];
  for (const answer of data.answers) {
    lines.push(
      "",
      `### ${answer.statementId} (area ${answer.area}: ${answer.areaTitle})`,
      "",
      `> ${answer.statement}`,
      "",
      `- Rating: ${answer.rating}`,
      `- Evidence: ${typed(answer.evidence) || "—"}`,
      `- Ideas: ${typed(answer.ideas) || "—"}`,
      `- Last changed: ${when(answer.updatedAt)}`,
    );
  }
  lines.push("", `## Global scores (${data.globalScores.length})`, "");
  for (const score of data.globalScores) lines.push(`- Area ${score.area}: ${score.score} (${when(score.updatedAt)})`);
  lines.push(
    "",
    `## Moderation decisions recorded (${data.moderationDecisions.length + data.globalScoreDecisions.length})`,
    "",
  );
  for (const decision of data.moderationDecisions)
    lines.push(
      `- ${decision.statementId}: agreed ${decision.agreedRating} — ${typed(decision.rationale) || "no rationale"} (${when(decision.decidedAt)})`,
    );
  for (const decision of data.globalScoreDecisions)
    lines.push(
      `- Area ${decision.area} global score: agreed ${decision.agreedScore} — ${typed(decision.rationale) || "no rationale"} (${when(decision.decidedAt)})`,
    );
  lines.push("", `## Actions they own (${data.ownedActions.length})`, "");
  for (const action of data.ownedActions)
    lines.push(
      `- ${action.statementId} (area ${action.area}: ${action.areaTitle}): ${action.statement} — ${action.status}, due ${action.dueDate ?? "—"}, owner since ${action.assignedAt === null ? "—" : when(action.assignedAt)}`,
    );
  lines.push("", `## Audit entries (${data.auditEntries.length})`, "");
  for (const entry of data.auditEntries)
    lines.push(
      `- ${when(entry.at)} ${entry.action} ${entry.target}${entry.before === undefined ? "" : ` from ${entry.before}`}${entry.after === undefined ? "" : ` to ${entry.after}`}`,
    );
  return `${lines.join("\n")}\n`;
}
