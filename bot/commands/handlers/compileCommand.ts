import { isAllowed, whoMay } from "../../../assessment/roles/authorizationMatrix";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import { buildCompiledDocuments } from "../../../documents/buildCompiledDocuments";
import { buildCompileSummaryCard } from "../../../cards/compileSummaryCard";
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

/** The coordinator compiles the assessment: documents stored, a summary card with signed download links. */
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
  const documents = await buildCompiledDocuments(compiled, { protectiveMarking: services.config.protectiveMarking });
  const files = {
    docx: { bytes: documents.docx, fileName: `${documents.fileBaseName}.docx` },
    csv: { bytes: Buffer.from(documents.csv, "utf8"), fileName: `${documents.fileBaseName}.csv` },
    json: { bytes: Buffer.from(documents.json, "utf8"), fileName: `${documents.fileBaseName}.json` },
  };
  const link = async (kind: keyof typeof files): Promise<string> => (await offerDownload(services, { contentType: CONTENT_TYPES[kind], ...files[kind] }, now)).url;
  const [docx, csv, json] = await Promise.all([link("docx"), link("csv"), link("json")]);
  await services.storage.assessments.updateWith(assessment.id, (current) => (current ? { ...current, compiledAt: compiled.compiledAt } : undefined));
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at: now.toISOString(),
    actorAadObjectId: caller.person.aadObjectId,
    action: "compile",
    target: "assessment",
    after: JSON.stringify({ complete: compiled.summary.complete, unresolved: compiled.summary.unresolved.length }),
  });
  await replyWithCard(turn, buildCompileSummaryCard(compiled, { docx, csv, json, expiresIn: `in ${plural(services.config.downloadLinks.ttlMinutes, "minute")}` }));
};
