// Every background job, by name, with what its payload holds. The handlers are in
// lib/jobs/tasks.ts; code that causes a job only needs this list (lib/jobs/add-job.ts).
export type TJobPayloads = {
  // Sends what the outbox holds, in batches, until it is empty.
  "email.deliver": Record<string, never>;
  // Erases the demo mailbox's links once they have expired.
  "email.erase-expired-links": Record<string, unknown>;
  // Ended sessions, old rate-limit counters, old CSP reports.
  housekeeping: Record<string, unknown>;
  // Makes one evidence pack PDF (lib/evidence-packs), off the request path.
  "evidence-pack.make": { packId: string };
  // Sends what the SMS outbox holds (lib/sms), when a provider is configured.
  "sms.deliver": Record<string, never>;
  // Reminds an invitee that has not answered, 24 hours before the deadline it names.
  "quote.remind": { invitationId: string; deadline: string };
  // Sends a visit's reminders of one kind for the version of the visit it was planned for
  // (lib/visits/send-visit-reminders.ts).
  "visit.remind": { visitId: string; sequence: number; kind: "DAY_BEFORE" | "MORNING" };
};

export type TJobName = keyof TJobPayloads;
