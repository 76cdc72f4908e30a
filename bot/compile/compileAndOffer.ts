import { compileAssessment } from "../../assessment/compile/compileAssessment";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { compilePublicationCopy } from "../../assessment/publication/compilePublicationCopy";
import { buildCompiledDocuments, type CompiledDocuments } from "../../documents/buildCompiledDocuments";
import type { DownloadGroup } from "../../cards/compileSummaryCard";
import type { Ports } from "../app/botServices";
import { gatherCompileInput } from "./gatherCompileInput";
import { offerDownload, type OfferPorts } from "./offerDownload";

const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export interface CompiledOffer {
  compiled: CompiledAssessment;
  /** The internal copy, the publication copy and the action plan, each a heading and its signed links. */
  groups: DownloadGroup[];
}

/** Reading the whole assessment, storing the documents, marking it compiled and auditing that. */
export type CompilePorts = OfferPorts &
  Ports<
    "clock" | "framework" | "config",
    "assessments" | "assignments" | "responses" | "moderation" | "audit" | "actionItems"
  >;

/**
 * Compiling the assessment, for every surface (the `compile` command and the coordinator's tab): an
 * internal copy (names) and a publication copy (no names, personal data redacted), each as Word, CSV
 * and JSON, and the action plan as Word and CSV — stored and offered by signed expiring links; the
 * assessment marked compiled and the compile audited. The caller has checked the role.
 */
export async function compileAndOffer(
  services: CompilePorts,
  input: { assessmentId: string; actorAadObjectId: string },
): Promise<CompiledOffer> {
  const now = services.clock();
  const gathered = await gatherCompileInput({
    storage: services.storage,
    framework: services.framework,
    thresholds: services.config.consensus,
    assessmentId: input.assessmentId,
    now,
  });
  const compiled = compileAssessment(gathered);
  const { protectiveMarking } = services.config;
  const [internal, publication] = await Promise.all([
    buildCompiledDocuments(compiled, { protectiveMarking, copy: "internal" }),
    buildCompiledDocuments(compilePublicationCopy(gathered), { protectiveMarking, copy: "publication" }),
  ]);
  const groups = await Promise.all([
    offerCopy(services, now, "Internal copy (with names)", internal),
    offerCopy(services, now, "Publication copy (no names; personal data removed)", publication),
    offerActionPlan(services, now, internal),
  ]);
  await services.storage.assessments.updateWith(input.assessmentId, (current) =>
    current ? { ...current, compiledAt: compiled.compiledAt } : undefined,
  );
  await services.storage.audit.append({
    assessmentId: input.assessmentId,
    at: now.toISOString(),
    actorAadObjectId: input.actorAadObjectId,
    action: "compile",
    target: "assessment",
    after: JSON.stringify({ complete: compiled.summary.complete, unresolved: compiled.summary.unresolved.length }),
  });
  return { compiled, groups };
}

/** Stores one copy's three files and returns its row of links. */
async function offerCopy(
  services: CompilePorts,
  now: Date,
  heading: string,
  documents: CompiledDocuments,
): Promise<DownloadGroup> {
  const files = [
    { title: "Word document", kind: "docx", bytes: documents.docx },
    { title: "CSV", kind: "csv", bytes: Buffer.from(documents.csv, "utf8") },
    { title: "JSON", kind: "json", bytes: Buffer.from(documents.json, "utf8") },
  ] as const;
  const links = await Promise.all(
    files.map(async ({ title, kind, bytes }) => {
      const offered = await offerDownload(
        services,
        { fileName: `${documents.fileBaseName}.${kind}`, contentType: CONTENT_TYPES[kind], bytes },
        now,
      );
      return { title, url: offered.url };
    }),
  );
  return { heading, links };
}

/**
 * The action plan's Word and CSV files, from the internal copy: the people carrying it out need the
 * owners' names (the publication copy's plan says only "Assigned"). Its rows hold the group's ideas,
 * never who gave them.
 */
async function offerActionPlan(
  services: CompilePorts,
  now: Date,
  documents: CompiledDocuments,
): Promise<DownloadGroup> {
  const baseName = documents.fileBaseName.replace(/-internal$/, "-action-plan");
  const [docx, csv] = await Promise.all([
    offerDownload(
      services,
      { fileName: `${baseName}.docx`, contentType: CONTENT_TYPES.docx, bytes: documents.actionPlanDocx },
      now,
    ),
    offerDownload(
      services,
      {
        fileName: `${baseName}.csv`,
        contentType: CONTENT_TYPES.csv,
        bytes: Buffer.from(documents.actionPlanCsv, "utf8"),
      },
      now,
    ),
  ]);
  return {
    heading: "Action plan",
    links: [
      { title: "Word document", url: docx.url },
      { title: "CSV (for Microsoft Lists)", url: csv.url },
    ],
  };
}
