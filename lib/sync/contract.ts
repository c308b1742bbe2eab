// The technician app's sync contract, shared by the device (lib/offline) and the server
// (lib/sync).
import type { z } from "zod/mini";
import type { ZMutationSchema } from "./schemas";

// The mutations themselves are defined once, as the schema in schemas.ts (zod's small
// build, shared with the app bundle); these types are inferred from it.
export type TMutation = z.infer<typeof ZMutationSchema>;
type TMutationOf<T extends TMutation["type"]> = Extract<TMutation, { type: T }>;

// The fields of a service task a technician fills in; null clears a field.
export type TServiceTaskFields = TMutationOf<"record_result">["changes"];
export type TComplianceResult = NonNullable<TServiceTaskFields["result"]>;
export type TDefectSeverity = TMutationOf<"report_defect">["severity"];
export type TSignatureInput = TMutationOf<"perform">["technicianSignature"];
export type TLocation = TMutationOf<"locate_check_in">["location"];
export const SERVICE_TASK_FIELDS = ["result", "reading", "answer"] as const;

export type TMutationType = TMutation["type"];

export type TFieldConflict = { field: string; label: string; yours: unknown; theirs: unknown };

// applied: done. conflict: kept for the office but not (fully) applied; the technician
// sees why and both values. rejected: can never apply (bad or forbidden). retry: an
// earlier mutation of the same task has not arrived yet; nothing was recorded.
export type TMutationResult =
  | { mutationId: string; outcome: "applied" }
  | { mutationId: string; outcome: "conflict"; message: string; conflicts?: TFieldConflict[] }
  | { mutationId: string; outcome: "rejected"; message: string }
  | { mutationId: string; outcome: "retry"; message: string };

export type TSyncRequest = { deviceId: string; mutations: TMutation[] };
export type TSyncResponse = { results: TMutationResult[] };

export const MAX_MUTATIONS_PER_REQUEST = 100;
// The largest mutation is a perform with two signatures of up to 200,000 characters each.
export const MAX_SYNC_REQUEST_BYTES = MAX_MUTATIONS_PER_REQUEST * 420_000;

export type TTaskStatus =
  | "OFFERED"
  | "ACCEPTED"
  | "DECLINED"
  | "SCHEDULED"
  | "IN_PROGRESS"
  | "REVISIT"
  | "PERFORMED"
  | "COMPLETED"
  | "REVIEWED"
  | "INVOICED"
  | "CANCELLED";

export type TServiceTaskSnapshot = {
  id: string;
  position: number;
  title: string;
  kind: "CHECK" | "READING" | "TEXT" | "PHOTO";
  unit: string | null;
  minValue: number | null;
  maxValue: number | null;
  photoRequired: boolean;
  result: TComplianceResult | null;
  reading: number | null;
  answer: string | null;
  photoCount: number;
};

export type TTaskSnapshot = {
  id: string;
  status: TTaskStatus;
  version: number;
  clientName: string;
  number: number;
  title: string;
  description: string;
  priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  dueAt: string | null;
  plannedAt: string | null;
  scheduledAt: string | null;
  checkedInAt: string | null;
  performedAt: string | null;
  revisitReason: string | null;
  performedNotes: string | null;
  // timeZone: the site's (else its client's); visit times are shown in it.
  site: {
    name: string;
    address: string;
    accessDetails: string | null;
    contactName: string | null;
    contactPhone: string | null;
    timeZone: string;
  };
  asset: { name: string; serialNumber: string | null } | null;
  serviceTasks: TServiceTaskSnapshot[];
  defects: { id: string; severity: TDefectSeverity; description: string; createdAt: string; photoCount: number }[];
  // fromTenant: a photo the tenant sent with their request (absent from copies stored before).
  documents: { id: string; filename: string; contentType: string; sizeBytes: number; fromTenant?: boolean }[];
  history: { at: string; text: string }[];
  // The technician's own time on the task (never a price or a rate).
  timeEntries: TTimeEntrySnapshot[];
  // The thread between the client and the contractor's office, newest last, when the
  // contractor lets its technicians read it (absent from copies stored before).
  messages?: TMessageSnapshot[];
  // The tenant who asked for the work, when one did: who to expect, how to get in, and
  // when they can be there (absent from copies stored before; null for other work).
  tenant?: TTenantSnapshot | null;
  // The task's live visit: booked, or proposed and waiting for the tenant's yes.
  visit?: { startsAt: string; endsAt: string; awaitingTenant: boolean } | null;
};

export type TTenantSnapshot = {
  name: string;
  mobile: string | null;
  unit: string | null;
  permissionToEnter: boolean;
  accessNotes: string | null;
  windows: { startsAt: string; endsAt: string }[];
};

export type TMessageSnapshot = { id: string; at: string; author: string; fromClient: boolean; body: string };

export type TLabourType = TMutationOf<"record_time">["labourType"];
export type TTimeEntrySnapshot = {
  id: string;
  startedAt: string | null;
  minutes: number;
  labourType: TLabourType;
  note: string | null;
};

// The tasks a phone keeps, and how many open ones it could not hold (TECH_DEVICE_TASKS).
export type TDeviceTasks = { tasks: TTaskSnapshot[]; openTasksLeftOut: number };
export type TTasksResponse = TDeviceTasks & { serverTime: string };
