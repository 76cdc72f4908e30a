import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import { compilePublicationCopy } from "../../../assessment/publication/compilePublicationCopy";
import { buildCompiledDocuments, type CompiledDocuments } from "../../../documents/buildCompiledDocuments";
import { buildCompileSummaryCard, type DownloadGroup } from "../../../cards/compileSummaryCard";
import type { BotServices } from "../../app/botServices";
import { resolveRoles } from "../../roles/resolveRoles";
import { replyWithCard, replyWithNotice, refusal } from "../../teams/replies";
import { gatherCompileInput } from "../../compile/gatherCompileInput";
import { offerDownload } from "../../compile/offerDownload";
import type { CommandHandler } from "../commandContext";
import { plural } from "../../../assessment/text/plural";

const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/**
 * The coordinator compiles the assessment: an internal copy (names) and a publication copy (no
 * names, personal data redacted), each as Word, CSV and JSON, and the action plan as Word and CSV,
 * offered on a summary card as signed download links.
 */
export const compileCommand: CommandHandler = async ({ turn, caller, services, assessment }) => {
  if (!isAllowed("compile", resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds }))) {
    await replyWithNotice(turn, refusal("compile the self-assessment", whoMay("compile")));
    return;
  }
  const now = services.clock();
  const input = await gatherCompileInput({
    storage: services.storage,
    framework: services.framework,
    thresholds: services.config.consensus,
    assessmentId: assessment.id,
    now,
  });
  const compiled = compileAssessment(input);
  const { protectiveMarking } = services.config;
  const [internal, publication] = await Promise.all([
    buildCompiledDocuments(compiled, { protectiveMarking, copy: "internal" }),
    buildCompiledDocuments(compilePublicationCopy(input), { protectiveMarking, copy: "publication" }),
  ]);
  const groups = await Promise.all([
    offerCopy(services, now, "Internal copy (with names)", internal),
    offerCopy(services, now, "Publication copy (no names; personal data removed)", publication),
    offerActionPlan(services, now, publication),
  ]);
  await services.storage.assessments.updateWith(assessment.id, (current) => (current ? { ...current, compiledAt: compiled.compiledAt } : undefined));
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at: now.toISOString(),
    actorAadObjectId: caller.person.aadObjectId,
    action: "compile",
    target: "assessment",
    after: JSON.stringify({ complete: compiled.summary.complete, unresolved: compiled.summary.unresolved.length }),
  });
  await replyWithCard(turn, buildCompileSummaryCard(compiled, { groups, expiresIn: `in ${plural(services.config.downloadLinks.ttlMinutes, "minute")}` }));
};

/** Stores one copy's three files and returns its row of buttons. */
async function offerCopy(services: BotServices, now: Date, heading: string, documents: CompiledDocuments): Promise<DownloadGroup> {
  const files = [
    { title: "Word document", kind: "docx", bytes: documents.docx },
    { title: "CSV", kind: "csv", bytes: Buffer.from(documents.csv, "utf8") },
    { title: "JSON", kind: "json", bytes: Buffer.from(documents.json, "utf8") },
  ] as const;
  const links = await Promise.all(
    files.map(async ({ title, kind, bytes }) => {
      const offered = await offerDownload(services, { fileName: `${documents.fileBaseName}.${kind}`, contentType: CONTENT_TYPES[kind], bytes }, now);
      return { title, url: offered.url };
    }),
  );
  return { heading, links };
}

/**
 * The action plan's Word and CSV files, from the publication copy: the plan is shared widely and
 * holds the group's ideas, not who gave them.
 */
async function offerActionPlan(services: BotServices, now: Date, documents: CompiledDocuments): Promise<DownloadGroup> {
  const baseName = documents.fileBaseName.replace(/-publication$/, "-action-plan");
  const [docx, csv] = await Promise.all([
    offerDownload(services, { fileName: `${baseName}.docx`, contentType: CONTENT_TYPES.docx, bytes: documents.actionPlanDocx }, now),
    offerDownload(services, { fileName: `${baseName}.csv`, contentType: CONTENT_TYPES.csv, bytes: Buffer.from(documents.actionPlanCsv, "utf8") }, now),
  ]);
  return { heading: "Action plan", links: [{ title: "Word document", url: docx.url }, { title: "CSV (for Microsoft Lists)", url: csv.url }] };
}
