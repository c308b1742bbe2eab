import "server-only";
import type { JobHelpers, TaskList } from "graphile-worker";
import { isDemoMode } from "@/lib/auth/demo";
import { removeOldSessions } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import { eraseExpiredMailboxLinks } from "@/lib/email/deliver-outbox";
import { drainOutbox } from "@/lib/email/drain-outbox";
import { removeStaleRateLimits } from "@/lib/rate-limit";
import { removeOldCspReports } from "@/lib/security/record-csp-report";
import { makeEvidencePackApart } from "@/lib/evidence-packs/make-evidence-pack-apart";
import { remindBidder } from "@/lib/quotes/remind-bidder";
import { sendVisitReminders } from "@/lib/visits/send-visit-reminders";
import { addJob } from "./add-job";
import { EMAIL_DELIVERY_JOB } from "./email-job";
import { deliverQueuedSms, SMS_BATCH, SMS_DELIVERY_JOB } from "@/lib/sms/deliver-sms";
import type { TJobName, TJobPayloads } from "./job-names";

// What each job does. A job may run twice (a retry after a crash that happened after its
// work was done), so each one is safe to repeat.
type THandlers = { [N in TJobName]: (payload: TJobPayloads[N], helpers: JobHelpers) => Promise<void> };

const handlers: THandlers = {
  "email.deliver": async () => {
    const drained = await drainOutbox(db, { keepMailboxLinks: await isDemoMode() });
    // Still more to send: a fresh job goes on, behind any other job of the queue.
    if (!drained.emptied) await addJob(db, "email.deliver", {}, EMAIL_DELIVERY_JOB);
  },
  "email.erase-expired-links": async () => {
    await eraseExpiredMailboxLinks(db);
  },
  "evidence-pack.make": async ({ packId }) => {
    await makeEvidencePackApart(packId);
  },
  "sms.deliver": async () => {
    const { sent, failed } = await deliverQueuedSms(SMS_BATCH);
    if (sent + failed === SMS_BATCH) await addJob(db, "sms.deliver", {}, SMS_DELIVERY_JOB);
  },
  "quote.remind": async (payload) => {
    await remindBidder(payload);
  },
  "visit.remind": async (payload) => {
    await sendVisitReminders(payload);
  },
  housekeeping: async () => {
    await Promise.all([removeOldSessions(), removeStaleRateLimits(), removeOldCspReports()]);
  },
};

export const taskList = handlers as unknown as TaskList;
