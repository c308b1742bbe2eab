import "server-only";
import { parseCronItems, type CronItem } from "graphile-worker";
import { EMAIL_DELIVERY_JOB } from "./email-job";
import type { TJobName } from "./job-names";

// Recurring jobs. Each tick is added once whichever instances are running (graphile-worker
// records the ticks it has scheduled), and ticks missed while nothing ran are not made up.
type TSchedule = { task: TJobName; match: string; queue?: string; key?: string };

const SCHEDULES: TSchedule[] = [
  // A safety net: anything still waiting (after a failure, or a job lost with its instance)
  // goes out within a minute.
  { task: "email.deliver", match: "* * * * *", queue: EMAIL_DELIVERY_JOB.queue, key: "email.deliver.schedule" },
  { task: "email.erase-expired-links", match: "* * * * *", key: "email.erase-expired-links" },
  { task: "housekeeping", match: "17 * * * *", key: "housekeeping" },
];

export function cronItems() {
  return parseCronItems(
    SCHEDULES.map((schedule): CronItem => ({
      task: schedule.task,
      match: schedule.match,
      identifier: schedule.task,
      options: { backfillPeriod: 0, queueName: schedule.queue, jobKey: schedule.key, jobKeyMode: "replace" },
    })),
  );
}
