// npm run bench:reminders — how many visit reminders two job workers send a minute: 1,500
// visits due at once, each reminding its tenant (email and text), the contractor's office
// and its technician (email), 6,000 reminders in all. The jobs run in two worker processes
// as two instances would; a reminder counts once its row is SENT and its email or text has
// reached the fake provider (Resend's latency and rate limit; Twilio). Prints
// BENCH reminders_per_min=<n>; fails if any is missing or delivered twice.
// Uses DATABASE_URL (its own database, fieldgate_bench_reminders) or the embedded test server.
import { spawn, type ChildProcess } from "node:child_process";
import { startFakeResend } from "../tests/fake-resend";
import { startFakeTwilio } from "../tests/fake-twilio";
import { freshBenchDatabase } from "./fresh-database";

const VISITS = Number(process.env.BENCH_VISITS ?? 1500);
const WORKERS = 2;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0";
const TWILIO = {
  TWILIO_ACCOUNT_SID: `AC${"2".repeat(32)}`,
  TWILIO_AUTH_TOKEN: "bench-token",
  TWILIO_FROM: "+447700900100",
};

const [resend, twilio] = await Promise.all([
  startFakeResend({ latencyMs: 80, maxRequestsPerSecond: 2 }),
  startFakeTwilio(),
]);
const server = await freshBenchDatabase("fieldgate_bench_reminders", {
  AUTH_SECRET,
  ...TWILIO,
  TWILIO_API_BASE: twilio.url,
});

const { db } = await import("../lib/db");
const { addJob } = await import("../lib/jobs/add-job");
const { createContractorCompany, createContractorPerson, createOrganisation, createSite, createWorkOrder } =
  await import("../prisma/factories");

// A zone where it is daytime now, so texts are not held back by quiet hours.
const zone =
  ["Europe/London", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata"].find((z) => {
    const hour = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: z, hour: "numeric", hourCycle: "h23" }).format(new Date()),
    );
    return hour >= 8 && hour < 20;
  }) ?? "Pacific/Auckland";

const organisation = await createOrganisation(db);
const site = await createSite(db, organisation.id);
await db.site.update({ where: { id: site.id }, data: { timezone: zone } });
const company = await createContractorCompany(db, [organisation.id]);
const office = await createContractorPerson(db, company.id, "OFFICE");
const technician = await createContractorPerson(db, company.id, "TECHNICIAN");
const startsAt = new Date(Date.now() + 86_400_000);
const queuedAt = Date.now();
for (let start = 0; start < VISITS; start += 100) {
  await db.$transaction(async (tx) => {
    for (let i = start; i < Math.min(VISITS, start + 100); i++) {
      const workOrder = await createWorkOrder(tx as never, {
        organisationId: organisation.id,
        siteId: site.id,
        title: `Visit ${i}`,
      });
      const contact = await tx.contact.create({
        data: {
          organisationId: organisation.id,
          name: `Tenant ${i}`,
          email: `tenant-${i}@bench.test`,
          mobile: `+4477009${String(10000 + i)}`,
          smsConsent: true,
        },
      });
      await tx.tenantRequest.create({
        data: {
          organisationId: organisation.id,
          siteId: site.id,
          workOrderId: workOrder.id,
          contactId: contact.id,
          state: "OPEN",
          description: "Bench",
          permissionToEnter: false,
          timezone: zone,
        },
      });
      const assignment = await tx.assignment.create({
        data: {
          organisationId: organisation.id,
          workOrderId: workOrder.id,
          contractorCompanyId: company.id,
          status: "SCHEDULED",
          scheduledAt: startsAt,
          technicians: { create: { personId: technician.person.id } },
        },
      });
      const visit = await tx.visit.create({
        data: {
          organisationId: organisation.id,
          workOrderId: workOrder.id,
          assignmentId: assignment.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 7_200_000),
          timezone: zone,
          uid: `visit-bench-${i}@fieldgate`,
          status: "BOOKED",
        },
      });
      const row = (recipient: string, recipientRole: string, channel: "EMAIL" | "SMS") => ({
        visitId: visit.id,
        visitSequence: 0,
        kind: "DAY_BEFORE" as const,
        channel,
        recipient,
        recipientName: recipient,
        recipientRole,
        dueAt: new Date(),
      });
      await tx.visitReminder.createMany({
        data: [
          row(contact.email, "TENANT", "EMAIL"),
          row(contact.mobile!, "TENANT", "SMS"),
          row(office.user.email, "OFFICE", "EMAIL"),
          row(technician.user.email, "TECHNICIAN", "EMAIL"),
        ],
      });
      await addJob(
        tx,
        "visit.remind",
        { visitId: visit.id, sequence: 0, kind: "DAY_BEFORE" },
        { key: `visit-remind:${visit.id}:DAY_BEFORE` },
      );
    }
  });
}
const REMINDERS = VISITS * 4;
console.log(
  `# ${VISITS} visits, ${REMINDERS} reminders due (site clock ${zone}) in ${Date.now() - queuedAt} ms; starting ${WORKERS} workers`,
);

const started = Date.now();
const workers: ChildProcess[] = Array.from({ length: WORKERS }, () =>
  spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, RESEND_API_KEY: "re_bench_key", RESEND_BASE_URL: resend.url, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  }),
);
const delivered = () =>
  resend.messages.filter((m) => m.subject.startsWith("Reminder:")).length + twilio.requests.length;
const deadline = Date.now() + 10 * 60_000;
let lastReport = Date.now();
while (Date.now() < deadline && delivered() < REMINDERS) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (Date.now() - lastReport < 5000) continue;
  lastReport = Date.now();
  const rows = await db.visitReminder.count({ where: { state: "SENT" } });
  console.log(`# ${((Date.now() - started) / 1000).toFixed(0)} s: ${rows} rows sent, ${delivered()} delivered`);
}
const seconds = (Date.now() - started) / 1000;
const sentRows = await db.visitReminder.count({ where: { state: "SENT" } });
for (const worker of workers) worker.kill("SIGTERM");
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once("exit", resolve))));
console.log(
  `# ${sentRows}/${REMINDERS} reminder rows sent; delivered ${delivered()} (${twilio.requests.length} texts) in ${seconds.toFixed(1)} s; ${resend.duplicates.length + twilio.duplicates} delivered twice`,
);
console.log(`BENCH reminders_per_min=${Math.round((delivered() / seconds) * 60)}`);
await db.$disconnect();
await Promise.all([resend.stop(), twilio.stop()]);
await server.stop();
if (sentRows !== REMINDERS || delivered() !== REMINDERS || resend.duplicates.length + twilio.duplicates > 0) {
  console.error("FAIL: every reminder must be sent and delivered exactly once");
  process.exit(1);
}
