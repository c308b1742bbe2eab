import "server-only";
import type { TTx } from "@/lib/db";
import { toE164 } from "@/lib/sms/phone-number";

export type TParticipantRole = "TENANT" | "OFFICE" | "TECHNICIAN";
export type TParticipant = {
  role: TParticipantRole;
  name: string;
  email: string;
  // E.164, only when the person said yes to texts.
  textTo: string | null;
};

// Everything a visit's messages say, read once per change.
export type TVisitContext = {
  assignmentId: string;
  organisationId: string;
  organisationName: string;
  dayBeforeHour: number;
  zone: string;
  workOrderId: string;
  title: string;
  place: string;
  contractorName: string;
  tenantRequestId: string | null;
  participants: TParticipant[];
};

// Who hears about a visit: the tenant who asked for the work (if a tenant did), the
// contractor's office people and the technicians on the task. Each address once.
export async function readVisitContext(tx: TTx, assignmentId: string): Promise<TVisitContext> {
  const task = await tx.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      id: true,
      organisationId: true,
      organisation: { select: { name: true, timezone: true, dayBeforeReminderHour: true } },
      contractorCompany: {
        select: {
          name: true,
          people: {
            where: { active: true, role: { in: ["ADMIN", "OFFICE"] }, user: { deactivatedAt: null } },
            select: { user: { select: { name: true, email: true, mobile: true, smsConsent: true } } },
          },
        },
      },
      technicians: {
        select: {
          person: { select: { user: { select: { name: true, email: true, mobile: true, smsConsent: true } } } },
        },
      },
      workOrder: {
        select: {
          id: true,
          number: true,
          title: true,
          site: { select: { name: true, addressLine1: true, city: true, postcode: true, timezone: true } },
          tenantRequest: {
            select: {
              id: true,
              state: true,
              unit: true,
              contact: { select: { name: true, email: true, mobile: true, smsConsent: true } },
            },
          },
        },
      },
    },
  });
  const site = task.workOrder.site;
  const tenant = task.workOrder.tenantRequest?.state === "OPEN" ? task.workOrder.tenantRequest : null;
  const people: TParticipant[] = [];
  const seen = new Set<string>();
  const add = (
    role: TParticipantRole,
    person: { name: string; email: string; mobile: string | null; smsConsent: boolean },
  ) => {
    const email = person.email.toLowerCase();
    if (seen.has(email)) return;
    seen.add(email);
    people.push({
      role,
      name: person.name,
      email,
      textTo: person.smsConsent && person.mobile ? toE164(person.mobile) : null,
    });
  };
  if (tenant) add("TENANT", tenant.contact);
  for (const { user } of task.contractorCompany.people) add("OFFICE", user);
  for (const { person } of task.technicians) add("TECHNICIAN", person.user);
  return {
    assignmentId: task.id,
    organisationId: task.organisationId,
    organisationName: task.organisation.name,
    dayBeforeHour: task.organisation.dayBeforeReminderHour,
    zone: site.timezone ?? task.organisation.timezone,
    workOrderId: task.workOrder.id,
    title: `#${task.workOrder.number} ${task.workOrder.title}`,
    place: [site.name, tenant?.unit, `${site.addressLine1}, ${site.city} ${site.postcode}`].filter(Boolean).join(", "),
    contractorName: task.contractorCompany.name,
    tenantRequestId: tenant?.id ?? null,
    participants: people,
  };
}
