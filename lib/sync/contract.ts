// The technician app's sync contract, shared by the device (lib/offline) and the server
// (lib/sync). Types only, so the app bundle does not carry the server's validation code.

export type TComplianceResult = "PASS" | "FAIL" | "NOT_APPLICABLE";
export type TDefectSeverity = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

// The fields of a service task a technician fills in; null clears a field.
export type TServiceTaskFields = { result?: TComplianceResult | null; reading?: number | null; answer?: string | null };
export const SERVICE_TASK_FIELDS = ["result", "reading", "answer"] as const;

export type TSignatureInput = { name: string; svg: string };
export type TLocation = { latitude: number; longitude: number; accuracyM?: number };

// seq counts one device's mutations of one task from 1, so the server applies them in
// the order they were made whatever order they arrive in.
type TBase = { mutationId: string; taskId: string; seq: number; deviceAt: string };

export type TMutation =
  | (TBase & { type: "check_in"; location?: TLocation })
  // The position found after the check-in was saved (the browser's prompt may wait for
  // minutes); checkInId is the check-in's mutationId, deviceAt when it was found.
  | (TBase & { type: "locate_check_in"; checkInId: string; location: TLocation })
  // base: the values the technician saw before changing them; the server merges field by
  // field and reports a field someone else changed meanwhile instead of overwriting it.
  | (TBase & { type: "record_result"; serviceTaskId: string; changes: TServiceTaskFields; base: TServiceTaskFields })
  | (TBase & { type: "report_defect"; defectId: string; severity: TDefectSeverity; description: string })
  | (TBase & { type: "request_revisit"; reason: string })
  | (TBase & { type: "perform"; notes: string; technicianSignature: TSignatureInput; clientSignature?: TSignatureInput });

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

export type TTaskStatus = "OFFERED" | "ACCEPTED" | "DECLINED" | "SCHEDULED" | "IN_PROGRESS" | "REVISIT" | "PERFORMED" | "COMPLETED" | "REVIEWED" | "INVOICED" | "CANCELLED";

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
  site: { name: string; address: string; accessDetails: string | null; contactName: string | null; contactPhone: string | null };
  asset: { name: string; serialNumber: string | null } | null;
  serviceTasks: TServiceTaskSnapshot[];
  defects: { id: string; severity: TDefectSeverity; description: string; createdAt: string; photoCount: number }[];
  documents: { id: string; filename: string; contentType: string; sizeBytes: number }[];
  history: { at: string; text: string }[];
};

// The tasks a phone keeps, and how many open ones it could not hold (TECH_DEVICE_TASKS).
export type TDeviceTasks = { tasks: TTaskSnapshot[]; openTasksLeftOut: number };
export type TTasksResponse = TDeviceTasks & { serverTime: string };
