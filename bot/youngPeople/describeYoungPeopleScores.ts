import type { Framework } from "../../assessment/framework/frameworkSchema";
import type { YoungPeopleScores } from "../../assessment/youngPeople/youngPeopleScores";
import type { NoticeCardData } from "../../cards/noticeCard";

/** The confirmation after saving: every area's recorded score and the source note. */
export function describeYoungPeopleScores(framework: Framework, saved: YoungPeopleScores): NoticeCardData {
  return {
    title: "Young people's scores saved",
    lines: [saved.source === "" ? "No note of where they came from yet: add one with from=…" : `From: ${saved.source}`],
    facts: framework.areas.map((area) => {
      const score = saved.scores[String(area.number)];
      return {
        title: `${area.number}. ${area.globalLine}`,
        value: score === undefined ? "–" : `${score} / ${framework.globalScoreMax}`,
      };
    }),
    tone: "good",
  };
}
