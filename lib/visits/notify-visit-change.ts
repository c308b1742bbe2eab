import "server-only";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { issueRequestLink } from "@/lib/tenant-requests/issue-request-link";
import { formatTimeWindow } from "@/lib/time/zones";
import type { TParticipant, TVisitContext } from "./visit-participants";
import { INVITATION_FILENAME, invitationContentType, visitInvitation } from "./visit-calendar";

export type TVisitTimes = { id: string; uid: string; sequence: number; startsAt: Date; endsAt: Date };

// Where each participant follows the work: the tenant through a fresh request link, the
// office on its Desk, a technician in the app (both ask them to sign in).
export async function participantUrl(tx: TTx, context: TVisitContext, person: TParticipant, now: Date) {
  if (person.role === "TENANT")
    return context.tenantRequestId
      ? issueRequestLink(
          tx,
          { id: context.tenantRequestId, organisationId: context.organisationId, email: person.email },
          now,
        )
      : null;
  return `${env.APP_URL}/${person.role === "OFFICE" ? "desk" : "tech"}/tasks/${context.assignmentId}`;
}

// One email per participant with the calendar invitation for the visit as it now stands
// (REQUEST: booked or moved, the same UID at the visit's current SEQUENCE; CANCEL).
export async function notifyVisitChange(
  tx: TTx,
  context: TVisitContext,
  visit: TVisitTimes,
  change: {
    kind: "booked" | "rescheduled" | "cancelled";
    previous?: { startsAt: Date; endsAt: Date };
    reason?: string;
  },
  now: Date,
  people: TParticipant[] = context.participants,
) {
  const method = change.kind === "cancelled" ? "CANCEL" : "REQUEST";
  const when = formatTimeWindow(visit.startsAt, visit.endsAt, context.zone);
  for (const person of people) {
    const ics = visitInvitation(
      {
        uid: visit.uid,
        sequence: visit.sequence,
        startsAt: visit.startsAt,
        endsAt: visit.endsAt,
        zone: context.zone,
        summary: `${context.contractorName}: ${context.title}`,
        location: context.place,
        description: `${context.organisationName}, work order ${context.title}\nVisit by ${context.contractorName}`,
        organiserName: context.organisationName,
      },
      method,
      person,
    );
    await enqueueEmail(tx, {
      to: person.email,
      organisationId: context.organisationId,
      template: "visit-invitation",
      data: {
        change: change.kind,
        greeting: `Hello ${person.name}`,
        title: context.title,
        place: context.place,
        when,
        previousWhen: change.previous
          ? formatTimeWindow(change.previous.startsAt, change.previous.endsAt, context.zone)
          : null,
        contractorName: context.contractorName,
        reason: change.reason ?? null,
        url: await participantUrl(tx, context, person, now),
        linkLabel: person.role === "TENANT" ? "Follow my request" : "Open the task",
      },
      attachments: [
        {
          filename: INVITATION_FILENAME,
          contentType: invitationContentType(method),
          content: Buffer.from(ics, "utf8").toString("base64"),
        },
      ],
    });
  }
}
