import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { renderCharts } from "./charts/renderCharts";
import { buildAssessmentCsv } from "./csv/buildAssessmentCsv";
import { documentFileBaseName } from "./documentFileBaseName";
import { buildAssessmentDocx } from "./docx/buildAssessmentDocx";
import { buildAssessmentJson } from "./json/buildAssessmentJson";

export interface CompiledDocuments {
  docx: Buffer;
  csv: string;
  json: string;
  /** Without extension: add ".docx", ".csv", ".json". */
  fileBaseName: string;
}

export interface BuildDocumentsOptions {
  /** Draw the charts into the Word document (default true); off saves ~0.5 s where they are not wanted. */
  readonly charts?: boolean;
  /** Printed on the cover and every page's footer; "OFFICIAL" when not given. */
  readonly protectiveMarking?: string;
}

/** Every output of the final compile, from the one compiled model. */
export async function buildCompiledDocuments(compiled: CompiledAssessment, options: BuildDocumentsOptions = {}): Promise<CompiledDocuments> {
  const charts = options.charts === false ? undefined : await renderCharts(compiled);
  return {
    docx: await buildAssessmentDocx(compiled, charts, { protectiveMarking: options.protectiveMarking ?? "OFFICIAL" }),
    csv: buildAssessmentCsv(compiled),
    json: buildAssessmentJson(compiled),
    fileBaseName: documentFileBaseName(compiled),
  };
}
