import template from "./templates/assignCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";

export interface AssignCardArea {
  number: number;
  title: string;
  /** "free", "this channel", or the holding channel's name. */
  holder: string;
}

export interface AssignCardData {
  assessmentId: string;
  areas: readonly AssignCardArea[];
  selectedAreas?: readonly number[];
  selectedLeadAadIds?: readonly string[];
  error?: string;
}

/** The coordinator's assignment form: which areas are free or taken, and a people picker for leads. */
export function buildAssignCard(data: AssignCardData): AdaptiveCard {
  return expandTemplate(template, {
    assessmentId: data.assessmentId,
    areas: data.areas.map((area) => ({
      value: String(area.number),
      label: `${area.number}. ${area.title}`,
      holder: area.holder,
    })),
    selectedAreas: (data.selectedAreas ?? []).join(","),
    selectedLeads: (data.selectedLeadAadIds ?? []).join(","),
    error: data.error ?? "",
  });
}
