import { analyseArea } from "../../../assessment/consensus/areaConsensus";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import { groupChannels } from "../groupChannels";
import type { Ports } from "../../app/botServices";
import type { HeatCell, OverviewView } from "../tabApiContract";

/**
 * The coordinator's overview: every area of the framework, assigned or not, with a heat-map cell
 * per statement (agreed rating if recorded, else the group's provisional consensus rating; flagged;
 * unanswered), progress per group and the list still to moderate.
 */
export async function overviewView(
  services: Ports<"framework" | "config", "assignments" | "moderation" | "responses">,
  assessmentId: string,
): Promise<OverviewView> {
  const { storage, framework } = services;
  const [assignments, decisions] = await Promise.all([
    storage.assignments.list(assessmentId),
    storage.moderation.listDecisions(assessmentId),
  ]);
  const byArea = new Map<number, AreaAssignment>(assignments.map((assignment) => [assignment.areaNumber, assignment]));
  const unresolved: OverviewView["unresolved"] = [];
  const areas = await Promise.all(
    framework.areas.map(async (area) => {
      const assignment = byArea.get(area.number);
      const answers = assignment ? await storage.responses.listAreaAnswers(assessmentId, area.number) : [];
      const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
      const consensus = analyseArea(
        {
          areaNumber: area.number,
          statementIds: area.statements.map((s) => s.id),
          answers,
          globalScores: [],
          members: Math.max(respondents, 1),
          globalScoreMax: framework.globalScoreMax,
        },
        services.config.consensus,
      );
      const cells = consensus.statements.map((statement): HeatCell => {
        const decision = decisions.find((candidate) => candidate.statementId === statement.statementId);
        if (decision)
          return {
            statementId: statement.statementId,
            rating: decision.agreedRating,
            kind: "agreed",
            flagged: statement.flagged,
          };
        if (statement.answered === 0)
          return { statementId: statement.statementId, rating: null, kind: "unanswered", flagged: false };
        if (statement.flagged)
          unresolved.push({
            areaNumber: area.number,
            statementId: statement.statementId,
            flags: statement.flags.map((flag) => flag.message),
          });
        return {
          statementId: statement.statementId,
          rating: statement.consensusRating,
          kind: "provisional",
          flagged: statement.flagged,
        };
      });
      return {
        number: area.number,
        title: area.title,
        status: assignment?.status ?? ("unassigned" as const),
        group: assignment?.channel.channelName ?? "",
        leads: assignment?.leads.map((lead) => lead.name) ?? [],
        respondents,
        answeredPercent: consensus.answeredPercent,
        cells,
      };
    }),
  );
  unresolved.sort(
    (a, b) => a.areaNumber - b.areaNumber || a.statementId.localeCompare(b.statementId, "en", { numeric: true }),
  );
  return {
    areas,
    unresolved,
    groups: groupChannels(assignments).map(({ channelId, channelName }) => ({
      channelId,
      name: channelName || channelId,
    })),
  };
}
