import type { TurnContext } from "botbuilder";
import { ComponentDialog, type WaterfallStepContext, type DialogTurnResult } from "botbuilder-dialogs";
import { CardWaterfallDialog } from "./cardWaterfallDialog";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Person } from "../../assessment/answers/person";
import { readTurnCaller, type TurnCaller } from "../teams/turnCaller";
import { resolveMentionedPeople } from "../teams/resolveMentionedPeople";
import { findTeamMember, type RosterPorts } from "../teams/teamRoster";
import { parseAreaNumbers } from "../commands/commandArguments";
import { replyWithCard, replyWithNotice } from "../teams/replies";
import { buildNoticeCard } from "../../cards/noticeCard";
import { buildConfirmCard } from "../../cards/confirmCard";
import { setDialogInvokeResponse } from "./dialogInvokeResponse";
import { assignCardFor, parseAssignSubmission } from "./assignChoices";
import { assignAreas, type AssignAreasPorts } from "../assignments/assignAreas";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { plural } from "../../assessment/text/plural";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";

export const ASSIGN_DIALOG_ID = "assignDialog";

export interface AssignDialogOptions {
  caller: TurnCaller;
  assessment: AssessmentDetails;
  rawArgs: string;
}

interface AssignmentRequest {
  areas: number[];
  leads: Person[];
}

interface AssignState extends AssignDialogOptions {
  request?: AssignmentRequest;
}

/** Resolving mentioned leads through the roster, and reading and writing the assignments. */
export type AssignDialogPorts = RosterPorts & AssignAreasPorts;

/**
 * The coordinator's assignment conversation in a channel: `assign 7 @Lead` acts at once; a bare
 * `assign` shows the form; moving an area that already has answers asks for confirmation first.
 * Its state is dialog state in Azure Tables, one flow per channel (see assignFlow.ts), so the card
 * can be answered from any post in the channel, on any instance. Who may press is checked before
 * the dialog runs (assignCardAction).
 */
export class AssignDialog extends ComponentDialog {
  constructor(private readonly services: AssignDialogPorts) {
    super(ASSIGN_DIALOG_ID);
    this.addDialog(
      new CardWaterfallDialog(`${ASSIGN_DIALOG_ID}.steps`, [
        (step) => this.askForChoice(step),
        (step) => this.checkChoice(step),
        (step) => this.confirmMove(step),
      ]),
    );
    this.initialDialogId = `${ASSIGN_DIALOG_ID}.steps`;
  }

  private async askForChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as AssignState;
    const { caller, assessment } = state;
    const inline = parseAreaNumbers(state.rawArgs.split(/\s+/));
    const mentioned = await resolveMentionedPeople(step.context, this.services);
    if (!mentioned.ok) {
      await replyWithNotice(step.context, {
        title: "Who should lead?",
        lines: [
          ...mentioned.problems,
          "Nothing was assigned. Type **assign** again naming each lead, or **assign** alone for the form.",
        ],
        tone: "warning",
      });
      return step.endDialog();
    }
    const leads = mentioned.people.map(asPerson);
    if (inline.ok && inline.areas.length > 0 && leads.length > 0) {
      return step.next({ areas: inline.areas, leads } satisfies AssignmentRequest);
    }
    const error = !inline.ok
      ? inline.message
      : inline.areas.length > 0
        ? "Name at least one lead: **assign 7 @Lead**, or use the form."
        : undefined;
    await replyWithCard(step.context, await assignCardFor(this.services, assessment, caller, { error }));
    return WaterfallDialogEndOfTurn;
  }

  private async checkChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as AssignState;
    const request = (step.result as AssignmentRequest | undefined) ?? (await this.requestFromCard(step.context, state));
    if (!request) return WaterfallDialogEndOfTurn;
    return this.assign(step, state, request, false);
  }

  private async confirmMove(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as AssignState;
    const confirmed =
      (step.context.activity.value as { action?: { data?: { confirm?: unknown } } } | undefined)?.action?.data
        ?.confirm === "yes";
    if (!confirmed || !state.request) {
      await this.show(
        step.context,
        buildNoticeCard({ title: "Nothing changed", lines: ["The areas stay where they were."] }),
      );
      return step.endDialog();
    }
    return this.assign(step, state, state.request, true);
  }

  /**
   * Assigns through the one assignment service; areas with answers elsewhere first ask for a
   * confirmation (the next step). Whoever answered the card last (any coordinator in the channel)
   * is the one recorded as assigning.
   */
  private async assign(
    step: WaterfallStepContext,
    state: AssignState,
    request: AssignmentRequest,
    movesConfirmed: boolean,
  ): Promise<DialogTurnResult> {
    const presser = readTurnCaller(step.context.activity);
    const caller = presser.ok ? presser.caller : state.caller;
    const team = caller.team;
    const outcome = team
      ? await assignAreas(this.services, {
          assessmentId: state.assessment.id,
          channel: {
            teamId: team.teamId,
            channelId: team.channelId,
            channelName: team.channelName,
            tenantId: caller.tenantId,
            serviceUrl: caller.serviceUrl,
          },
          areas: request.areas,
          leads: request.leads,
          actorAadObjectId: caller.person.aadObjectId,
          movesConfirmed,
        })
      : { kind: "assigned" as const, summary: [] };
    if (outcome.kind === "needsConfirmation") {
      state.request = request;
      await this.show(
        step.context,
        buildConfirmCard({
          title: "Move areas that already have answers?",
          lines: outcome.moves.map(
            (item) =>
              `Area ${item.areaNumber} is with ${markdownLiteral(item.channelName)} and has ${plural(item.answerCount, "answer")}. The answers are kept and move with the area.`,
          ),
          confirmTitle: "Move to this channel",
          verb: "confirmReassign",
          token: `${state.assessment.id}:${request.areas.join(",")}`,
        }),
      );
      return WaterfallDialogEndOfTurn;
    }
    const card = buildNoticeCard({
      title: "Areas assigned to this channel",
      lines: [...outcome.summary, "A lead (or the coordinator) types **start** here to post the statements."],
      tone: "good",
    });
    await this.show(step.context, card);
    if (isInvoke(step.context)) await replyWithCard(step.context, card);
    return step.endDialog();
  }

  /** Reads the form's answer; a bad one re-shows the form with the problem and what was picked. */
  private async requestFromCard(turn: TurnContext, state: AssignState): Promise<AssignmentRequest | undefined> {
    if (!isInvoke(turn)) {
      await replyWithNotice(turn, {
        title: "Finish the assignment form first",
        lines: ["Use the form above, or type **assign** again to start over."],
      });
      return undefined;
    }
    const parsed = parseAssignSubmission(turn.activity.value, this.services.framework);
    if (!parsed.ok) {
      setDialogInvokeResponse(turn, await assignCardFor(this.services, state.assessment, state.caller, parsed.entered));
      return undefined;
    }
    const leads: Person[] = [];
    for (const aadObjectId of parsed.leadAadIds) {
      const lead = await this.resolvePickedLead(turn, aadObjectId);
      if (!lead.ok) {
        setDialogInvokeResponse(
          turn,
          await assignCardFor(this.services, state.assessment, state.caller, {
            selectedAreas: parsed.areas,
            selectedLeadAadIds: parsed.leadAadIds,
            error: lead.error,
          }),
        );
        return undefined;
      }
      leads.push(lead.person);
    }
    return { areas: parsed.areas, leads };
  }

  /**
   * The people picker searches the whole directory and gives AAD object ids; a lead must be in the
   * team (the digest and the channel are theirs), and the roster gives the Teams id (29:…) and name.
   */
  private async resolvePickedLead(
    turn: TurnContext,
    aadObjectId: string,
  ): Promise<{ ok: true; person: Person } | { ok: false; error: string }> {
    const lookup = await findTeamMember(turn, this.services, aadObjectId);
    if (lookup.kind === "member") return { ok: true, person: asPerson(lookup.member) };
    // Not resolvable now (e.g. roster reads throttled): keep the AAD id; Teams accepts it for 1:1 chats.
    if (lookup.kind === "unavailable")
      return { ok: true, person: { aadObjectId: aadObjectId.toLowerCase(), teamsUserId: aadObjectId, name: "" } };
    return {
      ok: false,
      error:
        "One of the people picked is not a member of this team. Pick leads from the team, or add them to the team first.",
    };
  }

  private async show(turn: TurnContext, card: AdaptiveCard): Promise<void> {
    if (isInvoke(turn)) setDialogInvokeResponse(turn, card);
    else await replyWithCard(turn, card);
  }
}

/** Waiting for the user: the waterfall resumes at the next step when the card is answered. */
const WaterfallDialogEndOfTurn = ComponentDialog.EndOfTurn;

function isInvoke(turn: TurnContext): boolean {
  return turn.activity.type === "invoke";
}

/** What an assignment stores of a lead: the ids and name, not their sign-in name or role. */
function asPerson(member: Person): Person {
  return { aadObjectId: member.aadObjectId, teamsUserId: member.teamsUserId, name: member.name };
}
