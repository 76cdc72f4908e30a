import { buildPersonExport } from "../../../assessment/dataProtection/personExport";
import { personExportMarkdown } from "../../../assessment/dataProtection/personExportMarkdown";
import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { dataSubjectTarget } from "../dataSubjectTarget";
import { replyPrivately } from "../../teams/replyPrivately";
import type { PersonalChatPorts } from "../../teams/sendToPersonalChat";
import { offerDownload, type OfferPorts } from "../../compile/offerDownload";
import { gatherPersonRecords, type GatherPorts } from "../../dataProtection/gatherPersonRecords";
import { PERSON_EXPORTED, exportFilesSummary } from "../../dataProtection/exportFiles";
import type { RosterPorts } from "../../teams/teamRoster";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { formatIsoDate } from "../../../assessment/compile/localDate";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";

type ExportPorts = RosterPorts & GatherPorts & OfferPorts & PersonalChatPorts & Ports<"clock", "audit">;

/**
 * `export @person`: the coordinator gets everything that person wrote in the current assessment as
 * JSON and Markdown behind signed, expiring links. The links only ever go to the coordinator's
 * personal chat: typed in a channel, the channel is told where to look and sees no link or count.
 */
export const exportCommand: CommandHandler<ExportPorts> = async (context) => {
  const { turn, caller, services, assessment } = context;
  const subject = await dataSubjectTarget(context, "export");
  if (!subject) return;
  const now = services.clock();
  const records = await gatherPersonRecords(services, assessment.id, subject);
  const data = buildPersonExport(records, {
    framework: services.framework,
    assessmentId: assessment.id,
    exportedAt: now.toISOString(),
  });
  const baseName = `personal-data-${formatIsoDate(now.toISOString(), assessment.timeZone)}`;
  const [json, markdown] = await Promise.all([
    offerDownload(
      services,
      {
        fileName: `${baseName}.json`,
        contentType: "application/json; charset=utf-8",
        bytes: Buffer.from(JSON.stringify(data, null, 2), "utf8"),
      },
      now,
    ),
    offerDownload(
      services,
      {
        fileName: `${baseName}.md`,
        contentType: "text/markdown; charset=utf-8",
        bytes: Buffer.from(personExportMarkdown(data, assessment.timeZone), "utf8"),
      },
      now,
    ),
  ]);
  // The file ids (not content) let forget and retention delete the export files later.
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at: now.toISOString(),
    actorAadObjectId: caller.person.aadObjectId,
    action: PERSON_EXPORTED,
    target: records.aadObjectId,
    after: exportFilesSummary([json.fileId, markdown.fileId]),
  });
  const card = buildNoticeCard({
    title: `Personal data export${records.name ? ` for ${markdownLiteral(records.name)}` : ""}`,
    lines: [
      `${plural(records.answers.length, "answer")}, ${plural(records.globalScores.length, "global score")}, ${plural(records.decisions.length + records.globalDecisions.length, "moderation decision")}, ${plural(records.auditEntries.length, "audit entry", "audit entries")}.`,
      `[Download JSON](${json.url}) · [Download readable copy (Markdown)](${markdown.url})`,
      `The links stop working in ${plural(services.config.downloadLinks.ttlMinutes, "minute")}.`,
    ],
    tone: "good",
  });
  await replyPrivately(turn, services, caller, card, "Export");
};
