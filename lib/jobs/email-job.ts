import type { TJobOptions } from "./add-job";

// The email job runs in its own queue, so one runs at a time across every instance (the
// provider's rate limit is shared). It is added without a key: a key's row would be locked
// by every transaction that queues an email until it commits, making them wait on each
// other. Each run sends everything waiting, so the runs after it find little or nothing.
// It goes before other waiting jobs (graphile-worker: a lower priority number first): a
// burst of jobs that each queue an email (1,500 visit reminders) is delivered while the
// burst runs, not after it.
export const DELIVERY_PRIORITY = -10;
export const EMAIL_DELIVERY_JOB: TJobOptions = { queue: "email", priority: DELIVERY_PRIORITY };
