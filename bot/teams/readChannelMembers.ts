import type { Person } from "../../assessment/answers/person";
import type { WorkingGroupChannel } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";
import { readRoster } from "./channelRoster";

/**
 * A working group's members outside any turn (the tab has no activity to read them from): the
 * channel's roster through a proactive turn in that channel. Undefined when Teams did not answer.
 */
export async function readChannelMembers(services: Pick<BotServices, "adapter" | "botAppId">, channel: WorkingGroupChannel): Promise<Person[] | undefined> {
  let members: Person[] | undefined;
  await services.adapter.continueConversationAsync(
    services.botAppId,
    { serviceUrl: channel.serviceUrl, channelId: "msteams", conversation: { id: channel.channelId, isGroup: true, conversationType: "channel", name: "", tenantId: channel.tenantId } },
    async (turn) => {
      members = await readRoster(turn);
    },
  );
  return members;
}
