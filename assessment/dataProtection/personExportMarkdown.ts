import type { PersonExport } from "./personExport";

/** The same export as a readable document: the JSON is for machines, this is for the person. */
export function personExportMarkdown(data: PersonExport): string {
  const lines = [
    `# Personal data export`,
    "",
    `Assessment: ${data.assessmentId}  `,
    `Person: ${data.person.name || "(name not recorded)"} (${data.person.aadObjectId})  `,
    `Exported: ${data.exportedAt}  `,
    `Roles: ${[data.roles.coordinator ? "coordinator" : "", data.roles.leadOfAreas.length > 0 ? `lead of area(s) ${data.roles.leadOfAreas.join(", ")}` : ""].filter(Boolean).join("; ") || "member"}`,
    "",
    `## Answers (${data.answers.length})`,
  ];
  for (const answer of data.answers) {
    lines.push("", `### ${answer.statementId} (area ${answer.area}: ${answer.areaTitle})`, "", `> ${answer.statement}`, "", `- Rating: ${answer.rating}`, `- Evidence: ${answer.evidence || "—"}`, `- Ideas: ${answer.ideas || "—"}`, `- Last changed: ${answer.updatedAt}`);
  }
  lines.push("", `## Global scores (${data.globalScores.length})`, "");
  for (const score of data.globalScores) lines.push(`- Area ${score.area}: ${score.score} (${score.updatedAt})`);
  lines.push("", `## Moderation decisions recorded (${data.moderationDecisions.length + data.globalScoreDecisions.length})`, "");
  for (const decision of data.moderationDecisions) lines.push(`- ${decision.statementId}: agreed ${decision.agreedRating} — ${decision.rationale || "no rationale"} (${decision.decidedAt})`);
  for (const decision of data.globalScoreDecisions) lines.push(`- Area ${decision.area} global score: agreed ${decision.agreedScore} — ${decision.rationale || "no rationale"} (${decision.decidedAt})`);
  lines.push("", `## Audit entries (${data.auditEntries.length})`, "");
  for (const entry of data.auditEntries) lines.push(`- ${entry.at} ${entry.action} ${entry.target}${entry.before === undefined ? "" : ` from ${entry.before}`}${entry.after === undefined ? "" : ` to ${entry.after}`}`);
  return `${lines.join("\n")}\n`;
}
