import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { buildAssignCard, type AssignCardArea } from "../../cards/assignCard";
import { buildCompileSummaryCard } from "../../cards/compileSummaryCard";
import { buildConfirmCard } from "../../cards/confirmCard";
import { buildNoticeCard } from "../../cards/noticeCard";
import { buildYoungPeopleCard } from "../../cards/youngPeopleCard";
import { buildNewCycleCard } from "../../cards/newCycleCard";
import { planNextCycle } from "../../assessment/cycles/planNextCycle";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../assessment/consensus/consensusThresholds";
import { nextCycleProposal } from "../../bot/cycles/nextCycleProposal";
import type { GalleryEntry } from "./galleryEntry";
import type { SampleAssessment } from "./sampleAssessment";
import { findArea } from "../../assessment/framework/frameworkLookup";

/** An example host for the signed links: the real ones carry an HMAC token and expire. */
const DOWNLOAD_BASE = "https://care-leavers-bot.example.org/downloads";

/** What the coordinator sees: the assignment form and its confirmations, progress, and the compile. */
export function coordinatorCards(sample: SampleAssessment): GalleryEntry[] {
  const { records, framework } = sample;
  const assessmentId = records.details.id;
  const channelOf = (areaNumber: number) =>
    records.assignments.find((assignment) => assignment.areaNumber === areaNumber)?.channel.channelName;
  const areas: AssignCardArea[] = framework.areas.map((area) => ({
    number: area.number,
    title: area.title,
    holder: channelOf(area.number) ?? "free",
  }));
  const moved = records.assignments[1];
  if (!moved) throw new Error("the sample assessment needs at least two assigned areas");
  const leadNames =
    records.assignments
      .find((assignment) => assignment.areaNumber === sample.area.number)
      ?.leads.map((lead) => lead.name)
      .join(", ") ?? "named lead";
  const movedAnswers = records.answers.filter((answer) => answer.areaNumber === moved.areaNumber).length;
  return [
    {
      id: "coordinator-assign",
      audience: "coordinator",
      template: "assignCard",
      title: "Assignment form",
      caption:
        "The reply to `assign` in a group's channel: which areas are free or held by which channel, and the Teams people picker for leads (Teams fills it from the directory; this renderer shows an empty list).",
      card: buildAssignCard({ assessmentId, areas }),
    },
    {
      id: "coordinator-assign-error",
      audience: "coordinator",
      template: "assignCard",
      title: "Assignment form (refused)",
      caption: "`assign 7` without a lead: the form comes back with the problem and the areas already picked.",
      card: buildAssignCard({
        assessmentId,
        areas,
        selectedAreas: [7],
        error: "Name at least one lead: `assign 7 @Lead`, or use the form.",
      }),
    },
    {
      id: "coordinator-confirm-reassign",
      audience: "coordinator",
      template: "confirmCard",
      title: "Confirm: move an area with answers",
      caption: "Asked before an area that already has answers moves to this channel; the answers move with it.",
      card: buildConfirmCard({
        title: "Move areas that already have answers?",
        lines: [
          `Area ${moved.areaNumber} is with ${moved.channel.channelName} and has ${movedAnswers} answer(s). The answers are kept and move with the area.`,
        ],
        confirmTitle: "Move to this channel",
        verb: "confirmReassign",
        token: `${assessmentId}:${moved.areaNumber}`,
      }),
    },
    {
      id: "coordinator-confirm-forget",
      audience: "coordinator",
      template: "confirmCard",
      title: "Confirm: erase a person's data",
      caption: "Asked before `forget @person` erases someone's name and answers (a data-protection request).",
      card: buildConfirmCard({
        title: "Erase this person's data?",
        lines: [
          "Their name is replaced by (removed) everywhere, and their answers, scores and ideas are deleted.",
          "This cannot be undone.",
        ],
        confirmTitle: "Erase",
        verb: "confirmForget",
        token: `${assessmentId}:forget`,
      }),
    },
    {
      id: "coordinator-notice-assigned",
      audience: "coordinator",
      template: "noticeCard",
      title: "Notice: areas assigned",
      caption: "After the form (or `assign 7 @Lead`) succeeds, in the channel.",
      card: buildNoticeCard({
        title: "Areas assigned to this channel",
        lines: [
          `Area ${sample.area.number}: ${sample.area.title} — lead(s): ${leadNames}`,
          "A lead (or the coordinator) types `start` here to post the statements.",
        ],
        tone: "good",
      }),
    },
    {
      id: "coordinator-notice-progress",
      audience: "coordinator",
      template: "noticeCard",
      title: "Notice: every group's progress",
      caption: "The reply to `status` in the coordinator's personal chat: one line per area.",
      card: buildNoticeCard({
        title: `Progress of ${records.details.localAuthority}`,
        lines: [],
        facts: framework.areas.map((area) => ({
          title: `${area.number}. ${area.title}`,
          value: progressOf(sample, area.number),
        })),
      }),
    },
    {
      id: "coordinator-young-people",
      audience: "coordinator",
      template: "youngPeopleCard",
      title: "Young people's scores",
      caption:
        "The reply to `youngpeople` typed alone: the young people's own score for each area (blank = not scored) and where they came from.",
      card: buildYoungPeopleCard({
        framework,
        assessmentId,
        current: {
          scores: { 1: 6, 2: 5, 7: 3 },
          source: "Care Leavers' Forum, March 2025",
          recordedAt: "2025-03-20T10:00:00Z",
        },
      }),
    },
    {
      id: "coordinator-new-cycle",
      audience: "coordinator",
      template: "newCycleCard",
      title: "New cycle proposal",
      caption:
        "The reply to `new cycle`: what closes, which groups carry over with their channel and leads, and Start / Cancel. Nothing changes until Start.",
      card: buildNewCycleCard(
        nextCycleProposal(
          framework,
          records.details,
          records.assignments,
          planNextCycle(records.details, records.assignments, {
            nextAssessmentId: `${assessmentId}.next`,
            now: "2026-01-05T09:00:00Z",
            thresholds: DEFAULT_CONSENSUS_THRESHOLDS,
            confirmedBy: "coordinator",
          }),
        ),
      ),
    },
    {
      id: "coordinator-compile",
      audience: "coordinator",
      template: "compileSummaryCard",
      title: "Compile summary (with open items)",
      caption:
        "The reply to `compile`: global scores, strengths, priorities and what is unresolved, with expiring download links.",
      card: buildCompileSummaryCard(compileAssessment(records), {
        groups: (["internal", "publication"] as const).map((copy) => ({
          heading:
            copy === "internal" ? "Internal copy (with names)" : "Publication copy (no names; personal data removed)",
          links: (["docx", "csv", "json"] as const).map((kind) => ({
            title: { docx: "Word document", csv: "CSV", json: "JSON" }[kind],
            url: `${DOWNLOAD_BASE}/self-assessment-${copy}.${kind}?token=…`,
          })),
        })),
        expiresIn: "in 60 minutes",
      }),
    },
  ];
}

function progressOf({ records, framework }: SampleAssessment, areaNumber: number): string {
  const assignment = records.assignments.find((candidate) => candidate.areaNumber === areaNumber);
  const area = findArea(framework, areaNumber);
  if (!assignment || !area) return "no group yet";
  const answers = records.answers.filter((answer) => answer.areaNumber === areaNumber);
  const people = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
  const answered = area.statements.filter((statement) =>
    answers.some((answer) => answer.statementId === statement.id),
  ).length;
  return `${assignment.status} · ${assignment.channel.channelName} · ${people} people · ${answered}/${area.statements.length} statements answered`;
}
