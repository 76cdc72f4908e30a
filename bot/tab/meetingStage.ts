import type { Storage } from "botbuilder";
import { z } from "zod";

/** Where an area's discussion stands: the statement on stage, and when a lead put it there. */
export interface StagePosition {
  statementId: string;
  movedAt: string;
}

const stagePositionSchema = z.object({ statementId: z.string().min(1), movedAt: z.string() });

const stageKey = (assessmentId: string, areaNumber: number) => `meetingStage/${assessmentId}/${areaNumber}`;

/**
 * The statement each area's discussion group is looking at, kept in the bot's state table rather
 * than in memory, so every participant's page sees the same one whichever instance answers it.
 * One position per area (not per meeting): an area is discussed in one meeting at a time, and the
 * page works the same outside Teams.
 */
export async function readStagePosition(
  storage: Storage,
  assessmentId: string,
  areaNumber: number,
): Promise<StagePosition | undefined> {
  const key = stageKey(assessmentId, areaNumber);
  const parsed = stagePositionSchema.safeParse((await storage.read([key]))[key]);
  return parsed.success ? parsed.data : undefined;
}

/** Puts a statement on stage; the last lead to move wins (eTag "*"), as in a meeting the last click does. */
export async function moveStage(
  storage: Storage,
  assessmentId: string,
  areaNumber: number,
  position: StagePosition,
): Promise<void> {
  await storage.write({ [stageKey(assessmentId, areaNumber)]: { ...position, eTag: "*" } });
}
