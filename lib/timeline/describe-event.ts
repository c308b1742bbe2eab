import type { AssignmentStatus } from "@/generated/prisma/client";
import { statusLabel } from "@/lib/statuses/status-words";
import { formatMoney } from "@/lib/money/format-money";
import { formatDuration } from "@/lib/work-time/parse-duration";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { formatMoment } from "@/lib/time/zones";

// What a timeline event says after its actor's name, in the same words on the page and in
// the evidence pack.
// occurredAt: when it happened; createdAt: when it reached Fieldgate (later for work done offline).
export type TTimelineEvent = {
  id: string;
  type: string;
  actorLabel: string;
  occurredAt: Date;
  createdAt: Date;
  data: unknown;
};

export function describeEvent(event: TTimelineEvent, clock: TReaderClock): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "work_order.created":
      return "created the work order";
    case "tenant.request_received":
      return data.emergency
        ? "sent the request through the tenant form, as an emergency"
        : "sent the request through the tenant form";
    case "tenant.availability_changed":
      return `changed when they can be there: ${(data.windows as string[] | undefined)?.join("; ") ?? ""}`;
    case "tenant.request_cancelled":
      return `cancelled the request${data.reason ? `: “${data.reason}”` : ""}`;
    case "tenant.visit_confirmed":
      return `confirmed the visit on ${data.when}`;
    case "visit.proposed":
      return `proposed a visit on ${data.when}, outside the tenant's times; the tenant is asked to confirm it`;
    case "assignment.offered":
      return `assigned it to ${data.contractor}`;
    case "quote.sent":
      return `asked for quotes by ${data.deadline}${data.sealed ? " (sealed)" : ""}`;
    case "quote.invited":
      return `invited ${data.bidder} to quote`;
    case "quote.opened":
      return `opened the request for quote (${data.bidder})`;
    case "quote.answered":
      return `${Number(data.revision) > 1 ? "revised the quote" : "quoted"} (${data.bidder})`;
    case "quote.declined":
      return `declined to quote (${data.bidder}): “${data.reason}”`;
    case "quote.cancelled":
      return `cancelled the request for quote: “${data.reason}”`;
    case "quote.deadline_extended":
      return `moved the deadline for quotes to ${data.deadline}`;
    case "quote.request_changed":
      return `changed the request for quote (${((data.fields as string[] | undefined) ?? []).join(", ").toLowerCase()}); bidders were emailed`;
    case "quote.question_asked":
      return `asked about the request for quote (${data.bidder}): “${data.question}”`;
    case "quote.question_answered":
      return `answered “${data.question}” ${data.toAll ? "to every bidder" : "to the bidder that asked"}`;
    case "quote.opened_early":
      return `opened the sealed quotes before the deadline: “${data.reason}”`;
    case "quote.awarded":
      return `awarded the work to ${data.bidder} on its quote (${data.lines} line${data.lines === 1 ? "" : "s"}, now the approved estimate)`;
    case "compliance.overridden":
      return `went ahead with ${data.contractor} without the required documents (${((data.documents as string[] | undefined) ?? []).join("; ")}): “${data.reason}”`;
    case "assignment.status_changed":
      return `changed the task to ${String(data.label ?? statusLabel(data.to as AssignmentStatus)).toLowerCase()}${data.reason ? `: “${data.reason}”` : ""}${assignedToo(data)}`;
    case "assignment.technicians_assigned":
    case "assignment.technicians_removed":
      return describeTechnicianChange(data) || "changed the technicians";
    case "work_order.updated":
      return `changed the ${(data.changes as string[] | undefined)?.join(", ") ?? "work order"}`;
    case "work_order.archived":
      return "archived the work order";
    case "work.time_recorded":
      return `recorded ${formatDuration(Number(data.minutes))} of ${String(data.labourType).toLowerCase()} time for ${data.person}`;
    case "work.cost_recorded":
      return `recorded a cost: ${data.quantity} × ${data.description} at ${data.unitCost}`;
    case "estimate.approved": {
      const lines = (data.lines as string[] | undefined) ?? [];
      return `approved the estimate (${lines.join(", ")}): not to exceed ${formatMoney(String(data.notToExceed), String(data.currency))} before tax`;
    }
    case "estimate.counted_changed":
      return `changed what the estimate counts (${((data.lines as string[] | undefined) ?? []).join(", ") || "no line"}): not to exceed ${formatMoney(String(data.notToExceed), String(data.currency))} before tax`;
    case "estimate.line_revised":
      return `changed the approved line “${data.description}” (version ${data.version}): it needs approval again`;
    case "estimate.customer_decided":
      return `${data.decision === "CLEARED" ? "cleared the decision on" : data.decision === "APPROVED" ? "approved" : "rejected"} “${data.description}”${data.comment ? `: “${data.comment}”` : ""}`;
    case "estimate.signed":
      return `signed the estimate as ${data.signerName}${data.method === "TYPED" ? " (typed name)" : ""}`;
    case "estimate.proposal_made":
      return `proposed an estimate line: ${data.description}`;
    case "estimate.proposal_decided":
      return `${data.status === "ACCEPTED" ? "accepted" : "refused"} the proposed line “${data.description}”${data.reason ? `: “${data.reason}”` : ""}`;
    case "estimate.comment_posted":
      return `commented on “${data.description}”: “${data.excerpt}”`;
    case "customer_invoice.issued":
      return `issued customer invoice ${data.number} for ${formatMoney(String(data.gross), String(data.currency))}`;
    case "customer_invoice.cancelled":
      return `cancelled customer invoice ${data.number}: “${data.reason}”`;
    case "portal.link_revoked":
      return `withdrew the ${data.view ?? "customer"} link sent to ${data.to}`;
    case "portal.new_link_asked":
      return `${data.to} asked for a new link (the one they have ${data.why})`;
    case "invoice.drafted":
    case "invoice.redrafted":
      return `${event.type === "invoice.drafted" ? "drafted" : "updated"} the invoice from the time and costs recorded${data.noRateCard === "yes" ? " (no rate card in force: prices to enter)" : ""}`;
    case "invoice.submitted":
      return `submitted invoice ${data.number}${Number(data.revision) > 1 ? ` (revision ${data.revision})` : ""} for ${formatMoney(String(data.gross), String(data.currency))}: ${Number(data.differences) === 0 ? "no differences" : `${data.differences} flagged`}`;
    case "invoice.disputed":
      return `disputed invoice ${data.number}: ${((data.lines as string[] | undefined) ?? []).join(", ")}`;
    case "invoice.approved":
      return `approved invoice ${data.number} (${formatMoney(String(data.gross), String(data.currency))})${data.note ? `: ${data.note}` : ""}`;
    case "invoice.rejected":
      return `rejected invoice ${data.number}: “${data.reason}”`;
    case "invoice.paid":
      return `marked invoice ${data.number} paid on ${data.paidOn}${data.reference ? ` (${data.reference})` : ""}`;
    case "nte.requested":
      return `asked to raise the not-to-exceed to ${formatMoney(String(data.to), String(data.currency))}: “${data.reason}”`;
    case "nte.approved":
      return `raised the not-to-exceed to ${formatMoney(String(data.to), String(data.currency))}`;
    case "nte.rejected":
      return `declined the not-to-exceed increase${data.note ? `: “${data.note}”` : ""}`;
    case "message.posted":
      return `wrote: “${data.excerpt}”`;
    case "attachment.uploaded":
      return `uploaded ${String(data.kind).toLowerCase().replace("_", " ")} “${data.filename}”`;
    case "portal.link_sent":
      return `sent a progress link to ${data.to}`;
    case "technician.checked_in":
      return `arrived on site (device time ${formatMoment(new Date(String(data.deviceAt)), clock.zone, clock.readerZone)}${data.located ? ", location recorded" : ""})`;
    case "technician.check_in_located":
      return `added the location of their arrival (${describeLocation(data)}, found ${formatMoment(new Date(String(data.deviceAt)), clock.zone, clock.readerZone)})`;
    case "technician.result_recorded":
      return `recorded ${data.serviceTask}: ${describeValues(data.values, data.replaced)}${describeNotApplied(data)}`;
    case "technician.defect_reported":
      return `reported a ${String(data.severity).toLowerCase()} defect: “${data.excerpt}”`;
    case "technician.unsynced_work":
      return `sent work done offline after the task became ${data.status}: ${data.summary}`;
    default:
      return event.type;
  }
}

function describeLocation(data: Record<string, unknown>): string {
  const accuracy = typeof data.accuracyM === "number" ? ` ±${Math.round(data.accuracyM)} m` : "";
  return `${Number(data.latitude).toFixed(5)}, ${Number(data.longitude).toFixed(5)}${accuracy}`;
}

// Who joined a task and who was taken off it, in one phrase; a task scheduled and
// staffed in one edit records one event naming both.
export function describeTechnicianChange(data: Record<string, unknown>): string {
  const added = (data.technicians as string[] | undefined) ?? [];
  const removed = (data.removed as string[] | undefined) ?? [];
  return [
    added.length ? `assigned ${added.join(", ")}` : "",
    removed.length ? `took ${removed.join(", ")} off the task` : "",
  ]
    .filter(Boolean)
    .join(" and ");
}

function assignedToo(data: Record<string, unknown>): string {
  const change = describeTechnicianChange(data);
  return change ? ` and ${change}` : "";
}

const RESULT_WORDS: Record<string, string> = { PASS: "pass", FAIL: "fail", NOT_APPLICABLE: "not applicable" };
// Results are words of ours; readings and answers are shown as the technician wrote them.
const showValue = (field: string, value: unknown) =>
  value === null || value === undefined
    ? "empty"
    : field === "result"
      ? (RESULT_WORDS[String(value)] ?? String(value))
      : String(value);

function describeValues(values: unknown, replaced?: unknown): string {
  const entries = Object.entries((values ?? {}) as Record<string, unknown>);
  if (entries.length === 0) return "no change";
  const before = (replaced ?? {}) as Record<string, unknown>;
  return entries
    .map(
      ([field, value]) =>
        `${field} ${value === null ? "cleared" : showValue(field, value)}${before[field] !== undefined && before[field] !== null ? ` (was ${showValue(field, before[field])})` : ""}`,
    )
    .join(", ");
}

// A value the technician's phone sent that was not applied, because someone else had
// changed the field meanwhile: kept here, whichever value they then choose.
function describeNotApplied(data: Record<string, unknown>): string {
  const entries = Object.entries((data.notApplied ?? {}) as Record<string, unknown>);
  if (entries.length)
    return `; not applied, as someone else had changed it: ${entries.map(([field, value]) => `${field} ${showValue(field, value)}`).join(", ")}`;
  return data.conflicts ? ` (${data.conflicts} value(s) in conflict)` : "";
}
