import "server-only";
// The notification tick as a job: on every occurrence of LEADLAG_NOTIFICATION_TICK_CRON (every five
// minutes by default) a worker runs runNotificationTick (lib/services/notifications.ts), which sends
// whatever reminders and digests are due in each organization's own time and week. The cron
// occurrence is one job however many workers run (pg-boss's cron pass); were two ticks to overlap
// anyway, the send log's unique key still sends each message once. No retries: the next tick,
// minutes later, is the retry. An admin saving a schedule enqueues a tick of that organization
// alone, so what the new schedule makes due goes out at once rather than at the next occurrence.
import { env } from "@/lib/env";
import { runNotificationTick } from "@/lib/services/notifications";
import { registerHandler, runningJobQueue, type JobQueue } from "./queue";

export const NOTIFICATION_TICK_JOB = "notification-tick";
/** The cron in force: LEADLAG_NOTIFICATION_TICK_CRON, or null when it is off. */
export const notificationTickCron = (): string | null => {
  const cron = env().LEADLAG_NOTIFICATION_TICK_CRON;
  return cron === "off" ? null : cron;
};

type TickData = { organizationId: string | null };

registerHandler<TickData>(
  NOTIFICATION_TICK_JOB,
  async (data, ctx) => runNotificationTick(ctx.db, undefined, data.organizationId ? { organizationIds: [data.organizationId] } : {}),
  { retryLimit: 0, expireInSeconds: 15 * 60 },
);

/** Puts the tick on the queue's schedule (idempotent: one schedule, however often called), or takes it off when the cron is off. */
export async function scheduleNotificationTick(queue: JobQueue, cron: string | null = notificationTickCron()): Promise<void> {
  if (cron) await queue.schedule(NOTIFICATION_TICK_JOB, cron, { organizationId: null });
  else await queue.unschedule(NOTIFICATION_TICK_JOB);
}

/**
 * A tick of one organization, now (after an admin changed its schedule). False when this process
 * has no queue under way: the next scheduled tick sends it.
 */
export async function tickOrganizationNow(organizationId: string): Promise<boolean> {
  const queue = runningJobQueue();
  if (!queue) return false;
  await (await queue).enqueue<TickData>(NOTIFICATION_TICK_JOB, { organizationId });
  return true;
}
