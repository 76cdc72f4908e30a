import { compileAssessment } from "../../assessment/compile/compileAssessment";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { buildCompiledDocuments } from "../../documents/buildCompiledDocuments";
import type { BotServices } from "../app/botServices";
import { gatherCompileInput } from "./gatherCompileInput";
import { offerDownload } from "./offerDownload";

const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export interface CompiledOffer {
  compiled: CompiledAssessment;
  links: Record<keyof typeof CONTENT_TYPES, string>;
}

/**
 * Compiling the assessment, for every surface (the `compile` command and the coordinator's tab):
 * documents built from storage, stored, offered by signed expiring links; the assessment marked
 * compiled and the compile audited. The caller has checked the role.
 */
export async function compileAndOffer(services: BotServices, input: { assessmentId: string; actorAadObjectId: string }): Promise<CompiledOffer> {
  const now = services.clock();
  const gathered = await gatherCompileInput({ storage: services.storage, framework: services.framework, thresholds: services.config.consensus, assessmentId: input.assessmentId, now });
  const compiled = compileAssessment(gathered);
  const documents = await buildCompiledDocuments(compiled);
  const files = {
    docx: { bytes: documents.docx, fileName: `${documents.fileBaseName}.docx` },
    csv: { bytes: Buffer.from(documents.csv, "utf8"), fileName: `${documents.fileBaseName}.csv` },
    json: { bytes: Buffer.from(documents.json, "utf8"), fileName: `${documents.fileBaseName}.json` },
  };
  const link = async (kind: keyof typeof files): Promise<string> => (await offerDownload(services, { contentType: CONTENT_TYPES[kind], ...files[kind] }, now)).url;
  const [docx, csv, json] = await Promise.all([link("docx"), link("csv"), link("json")]);
  await services.storage.assessments.updateWith(input.assessmentId, (current) => (current ? { ...current, compiledAt: compiled.compiledAt } : undefined));
  await services.storage.audit.append({
    assessmentId: input.assessmentId,
    at: now.toISOString(),
    actorAadObjectId: input.actorAadObjectId,
    action: "compile",
    target: "assessment",
    after: JSON.stringify({ complete: compiled.summary.complete, unresolved: compiled.summary.unresolved.length }),
  });
  return { compiled, links: { docx, csv, json } };
}
