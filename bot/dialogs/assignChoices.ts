import { z } from "zod";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { findArea } from "../../assessment/framework/frameworkLookup";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { buildAssignCard } from "../../cards/assignCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the form sends: comma-separated area numbers and comma-separated AAD ids from the people picker. */
const submissionSchema = z.object({
  action: z.object({
    data: z.object({
      areas: z.string().max(200).optional().default(""),
      leads: z.string().max(4000).optional().default(""),
    }),
  }),
});

export interface EnteredAssignment {
  error?: string;
  selectedAreas?: number[];
  selectedLeadAadIds?: string[];
}

export type AssignSubmission =
  { ok: true; areas: number[]; leadAadIds: string[] } | { ok: false; entered: EnteredAssignment };

export function parseAssignSubmission(value: unknown, framework: Framework): AssignSubmission {
  const parsed = submissionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, entered: { error: "Pick the area(s) and lead(s), then press Assign." } };
  const areaWords = splitList(parsed.data.action.data.areas);
  const leadAadIds = splitList(parsed.data.action.data.leads).filter((id) => guid.test(id));
  const areas = areaWords.map(Number).filter((number) => findArea(framework, number) !== undefined);
  const entered = { selectedAreas: areas, selectedLeadAadIds: leadAadIds };
  if (areas.length === 0 || areas.length !== areaWords.length)
    return { ok: false, entered: { ...entered, error: "Pick at least one area from the list." } };
  if (leadAadIds.length === 0)
    return { ok: false, entered: { ...entered, error: "Name at least one lead with the people picker." } };
  return {
    ok: true,
    areas: [...new Set(areas)].sort((a, b) => a - b),
    leadAadIds: [...new Set(leadAadIds.map((id) => id.toLowerCase()))],
  };
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The form, showing which areas are free, with this channel, or with another channel. */
export async function assignCardFor(
  services: Ports<"framework", "assignments">,
  assessment: AssessmentDetails,
  caller: TurnCaller,
  entered: EnteredAssignment,
): Promise<AdaptiveCard> {
  const assignments = await services.storage.assignments.list(assessment.id);
  const areas = services.framework.areas.map((area) => {
    const holder = assignments.find((assignment) => assignment.areaNumber === area.number);
    const holderName = !holder
      ? "free"
      : holder.channel.channelId === caller.team?.channelId
        ? "this channel"
        : `with ${markdownLiteral(holder.channel.channelName) || "another channel"}`;
    return { number: area.number, title: area.title, holder: holderName };
  });
  return buildAssignCard({ assessmentId: assessment.id, areas, ...entered });
}
