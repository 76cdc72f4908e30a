import { auditMentions } from "../../assessment/dataProtection/removedPerson";
import type { PersonRecords } from "../../assessment/dataProtection/personRecords";
import type { Ports } from "../app/botServices";
import type { DataSubject } from "./dataSubject";

/** What gathering a person's records reads. */
export type GatherPorts = Ports<
  "framework" | "config",
  "actionItems" | "assignments" | "audit" | "moderation" | "responses"
>;

/** Reads everything one assessment stores by or about one person, across all areas. */
export async function gatherPersonRecords(
  services: GatherPorts,
  assessmentId: string,
  subject: DataSubject,
): Promise<PersonRecords> {
  const { storage } = services;
  const areaNumbers = services.framework.areas.map((area) => area.number);
  const id = subject.aadObjectId;
  const [answers, globalScores, decisions, globalDecisions, audit, assignments, actionItems] = await Promise.all([
    storage.responses.listAnswersBy(assessmentId, areaNumbers, id),
    storage.responses.listGlobalScoresBy(assessmentId, areaNumbers, id),
    storage.moderation.listDecisions(assessmentId),
    storage.moderation.listGlobalDecisions(assessmentId),
    storage.audit.list(assessmentId),
    storage.assignments.list(assessmentId),
    storage.actionItems.list(assessmentId),
  ]);
  const leads = assignments.flatMap((assignment) =>
    assignment.leads.filter((lead) => lead.aadObjectId === id).map((lead) => ({ lead, area: assignment.areaNumber })),
  );
  const storedName =
    [...answers, ...globalScores].map((record) => record.respondent.name).find((name) => name !== "") ??
    leads[0]?.lead.name ??
    actionItems.find((item) => item.owner?.aadObjectId === id)?.owner?.name ??
    "";
  return {
    aadObjectId: id,
    name: subject.name || storedName,
    answers,
    globalScores,
    decisions: decisions.filter((decision) => decision.decidedBy.aadObjectId === id),
    globalDecisions: globalDecisions.filter((decision) => decision.decidedBy.aadObjectId === id),
    auditEntries: audit.filter((entry) => auditMentions(entry, id)),
    ownedActions: actionItems.filter((item) => item.owner?.aadObjectId === id),
    leadOf: leads.map((entry) => entry.area),
    isCoordinator: services.config.coordinatorAadIds.includes(id),
  };
}
