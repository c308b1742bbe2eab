import "server-only";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { env } from "@/lib/env";

export type TVisitEvent = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  zone: string;
  summary: string;
  location: string;
  description: string;
  organiserName: string;
};

// The address the invitation comes from (EMAIL_FROM's, "Name <address>" or bare).
function organiserEmail(): string {
  const match = /<([^>]+)>/.exec(env.EMAIL_FROM);
  return (match ? match[1] : env.EMAIL_FROM).trim();
}

// A visit as an iTIP message (RFC 5546) for one attendee: REQUEST books or updates it,
// CANCEL removes it. Calendars match it to the event they hold by UID and take it as
// newer only when SEQUENCE rose, so the caller raises the visit's sequence for every
// change it sends; the times are on the site's clock with its VTIMEZONE, so a calendar
// anywhere shows the right moment.
export function visitInvitation(
  event: TVisitEvent,
  method: "REQUEST" | "CANCEL",
  attendee: { name: string; email: string },
): string {
  const calendar = ical({
    prodId: { company: "Fieldgate", product: "visits", language: "EN" },
    method: method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.timezone({ name: event.zone, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    // Luxon times in the site's zone: ical-generator writes a plain Date with the server's
    // own clock beside the site's TZID (the test of the visit's invitation caught it).
    start: DateTime.fromJSDate(event.startsAt, { zone: event.zone }),
    end: DateTime.fromJSDate(event.endsAt, { zone: event.zone }),
    timezone: event.zone,
    summary: event.summary,
    location: event.location,
    description: event.description,
    status: method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: event.organiserName, email: organiserEmail() },
    attendees: [{ name: attendee.name, email: attendee.email, rsvp: false }],
  });
  return calendar.toString();
}

export const INVITATION_FILENAME = "invite.ics";
export const invitationContentType = (method: "REQUEST" | "CANCEL") => `text/calendar; charset=utf-8; method=${method}`;
