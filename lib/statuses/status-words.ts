import type {
  AssignmentStatus,
  EmailState,
  InvoiceStatus,
  NteIncreaseStatus,
  Priority,
  QuoteInvitationStatus,
  WorkOrderStatus,
} from "@/generated/prisma/client";
import type { TQuotePhase } from "@/lib/quotes/quote-phase";

// The words each audience reads for every state, and the colour of its badge: pages and
// emails never spell a status themselves. Staff read one status per work order, with the
// contractor's progress as its detail; the Desk and technicians read their task's status;
// customers read the portal's words (lib/portal/portal-status.ts).

export type TTone = "neutral" | "info" | "warning" | "success" | "danger";
export type TStatusWords = { label: string; tone: TTone };

const WORK_ORDER: Record<WorkOrderStatus, TStatusWords> = {
  OPEN: { label: "Open", tone: "neutral" },
  ASSIGNED: { label: "Assigned", tone: "info" },
  IN_PROGRESS: { label: "In progress", tone: "warning" },
  AWAITING_REVIEW: { label: "Awaiting review", tone: "warning" },
  COMPLETED: { label: "Completed", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};
export const workOrderStatusWords = (status: WorkOrderStatus) => WORK_ORDER[status];

// Staff, after the contractor's name: "Acme Repairs: visit booked".
const CONTRACTOR_PROGRESS: Record<AssignmentStatus, string> = {
  OFFERED: "offered, not yet accepted",
  ACCEPTED: "accepted, visit not yet booked",
  DECLINED: "declined",
  SCHEDULED: "visit booked",
  IN_PROGRESS: "work under way",
  REVISIT: "another visit needed",
  PERFORMED: "work done, records to follow",
  COMPLETED: "work completed, for your review",
  REVIEWED: "work accepted",
  INVOICED: "invoiced",
  CANCELLED: "withdrawn",
};
export const contractorProgress = (status: AssignmentStatus) => CONTRACTOR_PROGRESS[status];

// The contractor's Desk and technicians: the task's own status.
const TASK: Record<AssignmentStatus, TStatusWords> = {
  OFFERED: { label: "Offered", tone: "info" },
  ACCEPTED: { label: "Accepted", tone: "info" },
  DECLINED: { label: "Declined", tone: "danger" },
  SCHEDULED: { label: "Scheduled", tone: "info" },
  IN_PROGRESS: { label: "In progress", tone: "warning" },
  REVISIT: { label: "Revisit", tone: "warning" },
  PERFORMED: { label: "Performed (needs docs)", tone: "warning" },
  COMPLETED: { label: "Completed", tone: "success" },
  REVIEWED: { label: "Reviewed", tone: "success" },
  INVOICED: { label: "Invoiced", tone: "success" },
  CANCELLED: { label: "Withdrawn", tone: "danger" },
};
export const taskStatusWords = (status: AssignmentStatus) => TASK[status];
export const statusLabel = (status: AssignmentStatus) => TASK[status].label;

const INVOICE: Record<InvoiceStatus, TStatusWords> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SUBMITTED: { label: "Submitted", tone: "info" },
  DISPUTED: { label: "Disputed", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  PAID: { label: "Paid", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
};
export const invoiceStatusWords = (status: InvoiceStatus) => INVOICE[status];

const NTE_INCREASE: Record<NteIncreaseStatus, TStatusWords> = {
  PENDING: { label: "Waiting for a decision", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
};
export const nteIncreaseStatusWords = (status: NteIncreaseStatus) => NTE_INCREASE[status];

const EMAIL: Record<EmailState, TStatusWords> = {
  PENDING: { label: "Waiting to send", tone: "info" },
  SENDING: { label: "Sending", tone: "info" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};
export const emailStatusWords = (state: EmailState) => EMAIL[state];

const PRIORITY: Record<Priority, TStatusWords> = {
  LOW: { label: "Low", tone: "neutral" },
  NORMAL: { label: "Normal", tone: "neutral" },
  HIGH: { label: "High", tone: "warning" },
  URGENT: { label: "Urgent", tone: "danger" },
};
export const priorityWords = (priority: Priority) => PRIORITY[priority];

// A contractor company in the organisation's network, as staff read it.
const NETWORK_STANDING: Record<"active" | "invited" | "suspended", TStatusWords> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited, not signed in yet", tone: "warning" },
  suspended: { label: "Suspended", tone: "neutral" },
};
export const networkStandingWords = (standing: keyof typeof NETWORK_STANDING) => NETWORK_STANDING[standing];

const QUOTE_PHASE: Record<TQuotePhase, TStatusWords> = {
  draft: { label: "Draft", tone: "neutral" },
  open: { label: "Open for answers", tone: "info" },
  closed: { label: "Closed, to compare", tone: "warning" },
  awarded: { label: "Awarded", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};
export const quotePhaseWords = (phase: TQuotePhase) => QUOTE_PHASE[phase];

// An invitee as the client's staff read it.
const BIDDER: Record<QuoteInvitationStatus | "ANSWERED", TStatusWords> = {
  INVITED: { label: "Not answered", tone: "neutral" },
  ANSWERED: { label: "Answered", tone: "info" },
  DECLINED: { label: "Declined", tone: "neutral" },
  AWARDED: { label: "Awarded", tone: "success" },
  LOST: { label: "Not chosen", tone: "neutral" },
};
export const bidderStatusWords = (status: QuoteInvitationStatus, answered: boolean) =>
  BIDDER[status === "INVITED" && answered ? "ANSWERED" : status];
