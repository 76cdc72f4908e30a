import { Cron } from "croner";
import type { Ports } from "../app/botServices";
import {
  deliverAreaDigests,
  notifyCoordinators,
  type CoordinatorNoticePorts,
  type DigestPorts,
} from "./deliverAreaDigests";
import { errorFields } from "../logging/errorFields";
import { missedDigestSlot } from "./missedDigestSlot";

/** A scheduled run: every open area of every assessment, then the coordinators told. */
export type ScheduledDigestPorts = DigestPorts & CoordinatorNoticePorts & Ports<"logger", "assignments">;

/**
 * One scheduled run: every assessment's OPEN areas get their digest. The run key is the schedule's
 * slot (date and minute), so when several instances fire the same slot each lead still gets one
 * digest — the first instance claims the delivery, the others find it claimed.
 */
export async function runScheduledDigests(services: ScheduledDigestPorts, slot: Date): Promise<number> {
  const runKeySuffix = `scheduled|${slot.toISOString().slice(0, 16)}`;
  let sent = 0;
  for (const assessment of await services.storage.assessments.list()) {
    const open = (await services.storage.assignments.list(assessment.id)).filter(
      (assignment) => assignment.status === "open",
    );
    if (open.length === 0) continue;
    const report = await deliverAreaDigests(services, assessment.id, open, { runKeySuffix });
    // Only the run that delivered something tells the coordinators: another instance firing the same
    // slot, or a catch-up of a slot already sent, finds every delivery done and stays quiet.
    if (report.newlySent > 0) await notifyCoordinators(services, report.overview);
    sent += report.sentTo;
    if (report.problems.length > 0)
      services.logger.warn(
        { assessmentAreas: open.length, undelivered: report.problems.length },
        "scheduled digest: some leads could not be reached",
      );
  }
  return sent;
}

/**
 * Starts the DIGEST_SCHEDULE cron in the configured time zone; returns a stop function. A slot
 * missed within the catch-up window while no process was running is sent at start-up, under that
 * slot's own run key, so a slot that did run sends nothing twice.
 */
export function startDigestSchedule(services: ScheduledDigestPorts & Ports<"clock" | "jobs">): () => void {
  const pattern = services.config.digestSchedule;
  if (pattern === undefined) return () => undefined;
  const missed = missedDigestSlot(pattern, services.config.defaultTimeZone, services.clock());
  if (missed)
    services.jobs.run("digestCatchUp", async () => {
      await runScheduledDigests(services, missed);
    });
  const job = new Cron(pattern, { timezone: services.config.defaultTimeZone, protect: true }, async () => {
    // Round the slot to the minute so instances whose timers fire a few ms apart share one run key.
    const slot = new Date(Math.floor(services.clock().getTime() / 60_000) * 60_000);
    await runScheduledDigests(services, slot).catch((error: unknown) => {
      services.logger.error({ error: errorFields(error) }, "scheduled digest failed");
    });
  });
  return () => {
    job.stop();
  };
}
