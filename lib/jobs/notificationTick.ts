import "server-only";
// The notification tick as a job: every NOTIFICATION_TICK_CRON a worker runs
// runNotificationTick (lib/services/notifications.ts), which sends whatever reminders and digests
// are due in each organization's own time and week. The cron occurrence is one job however many
// workers run (pg-boss's cron pass); were two ticks to overlap anyway, the send log's unique key
// still sends each message once. No retries: the next tick, minutes later, is the retry.
import { runNotificationTick } from "@/lib/services/notifications";
import { registerHandler, type JobData, type JobQueue } from "./queue";

export const NOTIFICATION_TICK_JOB = "notification-tick";
export const NOTIFICATION_TICK_CRON = "*/5 * * * *";

registerHandler<JobData>(NOTIFICATION_TICK_JOB, async (_data, ctx) => runNotificationTick(ctx.db), { retryLimit: 0, expireInSeconds: 15 * 60 });

/** Puts the tick on the queue's schedule (idempotent: one schedule, however often called). */
export async function scheduleNotificationTick(queue: JobQueue): Promise<void> {
  await queue.schedule(NOTIFICATION_TICK_JOB, NOTIFICATION_TICK_CRON, { organizationId: null });
}
