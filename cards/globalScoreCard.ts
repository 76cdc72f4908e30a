import template from "./templates/globalScoreCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import { MAX_REFRESH_USER_IDS } from "./statementCard";
import type { Area, Framework } from "../assessment/framework/frameworkSchema";
import { plural } from "../assessment/text/plural";

export interface GlobalScoreCardData {
  framework: Framework;
  assessmentId: string;
  area: Area;
  answeredCount: number;
  closed: boolean;
  refreshUserIds: readonly string[];
  enteredScore?: string;
  saved?: string;
  error?: string;
}

/** After the statements: each member's global score for the area, worded with the framework's global line. */
export function buildGlobalScoreCard(data: GlobalScoreCardData): AdaptiveCard {
  const { framework, area } = data;
  return expandTemplate(template, {
    assessmentId: data.assessmentId,
    areaNumber: String(area.number),
    prompt: framework.globalScorePrompt,
    globalLine: `${framework.globalLinePrefix} ${area.globalLine}`,
    max: String(framework.globalScoreMax),
    choices: Array.from({ length: framework.globalScoreMax + 1 }, (_, index) =>
      String(framework.globalScoreMax - index),
    ),
    score: data.enteredScore ?? "",
    closed: data.closed,
    error: data.error ?? "",
    saved: data.saved ?? "",
    submitTitle: data.saved ? "Update my score" : "Save my score",
    progress: `${plural(data.answeredCount, "person has", "people have")} given a score.`,
    refreshUserIds: data.refreshUserIds.slice(0, MAX_REFRESH_USER_IDS),
  });
}
