import { ANSWER_LIMITS } from "../assessment/answers/answerLimits";
import type { Area, Framework, Statement } from "../assessment/framework/frameworkSchema";

/**
 * The template fields the two cards a member answers on share (a statement's own card and the card
 * sending it back to the group): which statement it is, and the answer inputs with the framework's
 * scale, prompts and limits, showing what the member entered.
 */
export function answerFormFields(
  data: { framework: Framework; assessmentId: string; area: Area; statement: Statement },
  entered: { rating?: string; evidence?: string; ideas?: string } | undefined,
) {
  const { framework, area, statement } = data;
  return {
    assessmentId: data.assessmentId,
    areaNumber: String(area.number),
    areaTitle: area.title,
    statementId: statement.id,
    statementLabel: `${statement.letter}. ${statement.text}`,
    evidencePrompt: framework.evidencePrompt,
    ideasPrompt: framework.ideasPrompt,
    // The choices are one template expression rather than two per level: adaptivecards-templating's
    // cost grows with the expressions it evaluates, on every save.
    scale: framework.scale.map((level) => ({
      value: String(level.value),
      title: `${level.value} · ${level.label} — ${level.guide}`,
    })),
    rating: entered?.rating ?? "",
    evidence: entered?.evidence ?? "",
    ideas: entered?.ideas ?? "",
    evidenceMaxChars: ANSWER_LIMITS.evidenceMaxChars,
    ideasMaxChars: ANSWER_LIMITS.ideasMaxChars,
  };
}
