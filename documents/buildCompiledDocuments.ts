import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { buildActionPlanCsv } from "./actionPlan/actionPlanCsv";
import { actionPlanRows } from "./actionPlan/actionPlanRows";
import { renderCharts } from "./charts/renderCharts";
import { buildActionPlanDocx } from "./docx/buildActionPlanDocx";
import { buildAssessmentCsv } from "./csv/buildAssessmentCsv";
import { documentFileBaseName } from "./documentFileBaseName";
import { buildAssessmentDocx } from "./docx/buildAssessmentDocx";
import { buildAssessmentJson } from "./json/buildAssessmentJson";

export interface CompiledDocuments {
  docx: Buffer;
  csv: string;
  json: string;
  /** The ranked action plan on its own, and as a CSV Microsoft Lists imports ("From CSV"). */
  actionPlanDocx: Buffer;
  actionPlanCsv: string;
  /** Without extension: add ".docx", ".csv", ".json"; ends in "-internal" or "-publication". */
  fileBaseName: string;
}

/** The internal copy names who wrote what; the publication copy has no one's name or contact details. */
export type DocumentCopy = "internal" | "publication";

export interface BuildDocumentsOptions {
  /** Which copy this is: named on the cover and in the file names (default "internal"). */
  readonly copy?: DocumentCopy;
  /** Draw the charts into the Word document (default true); off saves ~0.5 s where they are not wanted. */
  readonly charts?: boolean;
  /** Printed on the cover and every page's footer; "OFFICIAL" when not given. */
  readonly protectiveMarking?: string;
}

/** Every output of the final compile, from the one compiled model. */
export async function buildCompiledDocuments(
  compiled: CompiledAssessment,
  options: BuildDocumentsOptions = {},
): Promise<CompiledDocuments> {
  const charts = options.charts === false ? undefined : await renderCharts(compiled);
  const copy = options.copy ?? "internal";
  const protectiveMarking = options.protectiveMarking ?? "OFFICIAL";
  const actions = actionPlanRows(compiled);
  return {
    docx: await buildAssessmentDocx(compiled, charts, { protectiveMarking, copy }),
    actionPlanDocx: await buildActionPlanDocx(compiled, actions, protectiveMarking),
    actionPlanCsv: buildActionPlanCsv(actions),
    csv: buildAssessmentCsv(compiled),
    json: buildAssessmentJson(compiled),
    fileBaseName: `${documentFileBaseName(compiled)}-${copy}`,
  };
}
