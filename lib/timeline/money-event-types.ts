import type { TTimelineEventType } from "./record-event";

// Events about money: the client's staff and the contractor's office read them, a
// technician's history never carries them.
export const MONEY_EVENT_TYPES: TTimelineEventType[] = [
  "estimate.approved",
  "estimate.counted_changed",
  "estimate.line_revised",
  "estimate.signed",
  "estimate.customer_decided",
  "estimate.comment_posted",
  "estimate.proposal_made",
  "estimate.proposal_decided",
  "customer_invoice.issued",
  "customer_invoice.cancelled",
  "invoice.drafted",
  "invoice.redrafted",
  "invoice.submitted",
  "invoice.disputed",
  "invoice.approved",
  "invoice.rejected",
  "invoice.paid",
  "nte.requested",
  "nte.approved",
  "nte.rejected",
];
