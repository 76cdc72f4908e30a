import type { AdaptiveCard } from "../../cards/expandTemplate";

/** Who the gallery groups a card under: the people who see it in Teams. */
export type Audience = "members" | "leads" | "coordinator";

/** The templates in cards/templates/ (file name without .json); checked against the folder on every build. */
export type TemplateName =
  | "actionPlanCard"
  | "assignCard"
  | "compileSummaryCard"
  | "confirmCard"
  | "digestCard"
  | "globalScoreCard"
  | "introCard"
  | "newCycleCard"
  | "noticeCard"
  | "reRatingCard"
  | "statementCard"
  | "youngPeopleCard";

/** One card in one state, as a person sees it. */
export interface GalleryEntry {
  /** Unique, file-name safe: used for the per-card HTML and PNG. */
  id: string;
  audience: Audience;
  title: string;
  /** Who sees it and when, in one or two sentences. */
  caption: string;
  template: TemplateName;
  card: AdaptiveCard;
}
