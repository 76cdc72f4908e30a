import { generateAssessment } from "../simulator/assessment/generateAssessment";
import { compileAssessment } from "../assessment/compile/compileAssessment";
import { buildCompiledDocuments } from "../documents/buildCompiledDocuments";

/**
 * One compile measurement, run in its own process (forked by runBench) so its peak memory is its
 * own: generate → compileAssessment → buildCompiledDocuments({ charts: false }).
 */
export interface CompileCaseResult {
  membersPerArea: number;
  answers: number;
  generateMs: number;
  compileMs: number;
  documentsMs: number;
  /** compile + documents. */
  totalMs: number;
  /** Peak RSS of the process (resourceUsage().maxRSS) minus RSS before the input was generated. */
  peakRssDeltaMb: number;
  /** Largest heapUsed seen at the phase boundaries (after generate, compile, documents). */
  peakHeapUsedMb: number;
  docxBytes: number;
}

const MB = 1024 * 1024;

export async function runCompileCase(membersPerArea: number): Promise<CompileCaseResult> {
  const rssBefore = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  let t = performance.now();
  const input = generateAssessment({ seed: 7, membersPerArea });
  const generateMs = performance.now() - t;
  sample();
  t = performance.now();
  const compiled = compileAssessment(input);
  const compileMs = performance.now() - t;
  sample();
  t = performance.now();
  const documents = await buildCompiledDocuments(compiled, { charts: false });
  const documentsMs = performance.now() - t;
  sample();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return {
    membersPerArea,
    answers: input.answers.length,
    generateMs,
    compileMs,
    documentsMs,
    totalMs: compileMs + documentsMs,
    peakRssDeltaMb: Math.max(0, peakRss - rssBefore) / MB,
    peakHeapUsedMb: peakHeap / MB,
    docxBytes: documents.docx.length,
  };
}

if (require.main === module) {
  const members = Number(process.argv[2] ?? "10");
  // A small untimed run first, so the measured one does not pay for module loading and JIT warm-up.
  runCompileCase(3)
    .then(() => runCompileCase(members))
    .then(
      (result) => {
        if (process.send) process.send(result);
        else console.log(JSON.stringify(result, null, 2));
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
}
