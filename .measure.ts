import { compileAssessment } from "./assessment/compile/compileAssessment";
import { compilePublicationCopy } from "./assessment/publication/compilePublicationCopy";
import { buildCompiledDocuments } from "./documents/buildCompiledDocuments";
import { generateAssessment } from "./simulator/assessment/generateAssessment";

async function once(membersPerArea: number) {
  const input = generateAssessment({ seed: 7, membersPerArea, youngPeopleScores: true });
  const t0 = performance.now();
  const internal = compileAssessment(input);
  const publication = compilePublicationCopy(input);
  const t1 = performance.now();
  const [a, b] = await Promise.all([buildCompiledDocuments(internal, { copy: "internal" }), buildCompiledDocuments(publication, { copy: "publication" })]);
  const t2 = performance.now();
  return { membersPerArea, answers: input.answers.length, compileMs: Math.round(t1 - t0), documentsMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), internalDocx: a.docx.length, publicationDocx: b.docx.length, actionPlanDocx: b.actionPlanDocx.length };
}
(async () => {
  await once(3);
  for (const m of [3, 105]) console.log(JSON.stringify(await once(m)));
})();
