import type { TTimelineEventType } from "./record-event";

// Events about money: the client's staff and the contractor's office read them, a
// technician's history never carries them.
export const MONEY_EVENT_TYPES: TTimelineEventType[] = [
  "estimate.approved",
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
