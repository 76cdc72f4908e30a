import type { AreaAssignment, WorkingGroupChannel } from "../../assessment/groups/workingGroup";

/**
 * The channels the overview can give areas to: those that hold an area and that the bot can still
 * post in. The bot learns a channel (its service URL, its team) from Teams only when someone uses
 * it there, so a new group's channel joins this list once the coordinator types `assign` in it.
 */
export function groupChannels(assignments: readonly AreaAssignment[]): WorkingGroupChannel[] {
  const byId = new Map<string, WorkingGroupChannel>();
  for (const { channel } of assignments)
    if (!channel.lostAt && !byId.has(channel.channelId)) byId.set(channel.channelId, channel);
  return [...byId.values()].sort((a, b) => a.channelName.localeCompare(b.channelName));
}
