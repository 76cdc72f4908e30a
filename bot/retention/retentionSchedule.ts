import { Cron } from "croner";
import type { Ports } from "../app/botServices";
import { runRetention, type RetentionPorts } from "./runRetention";
import { errorFields } from "../logging/errorFields";

/** Daily at 02:30 in the default time zone: quiet hours, and well clear of the digest's slot. */
export const RETENTION_SCHEDULE = "30 2 * * *";

/**
 * Runs retention once at start-up (an instance that was down on the day still catches up) and then
 * daily. Nothing is started when RETENTION_MONTHS is 0 (keep forever). Returns a stop function.
 */
export function startRetentionSchedule(services: RetentionPorts & Ports<"jobs">): () => void {
  if (services.config.retentionMonths === 0) return () => undefined;
  const run = async () => {
    await runRetention(services).catch((error: unknown) => {
      services.logger.error({ error: errorFields(error) }, "retention run failed");
    });
  };
  services.jobs.run("retention", run);
  const job = new Cron(RETENTION_SCHEDULE, { timezone: services.config.defaultTimeZone, protect: true }, run);
  return () => {
    job.stop();
  };
}
