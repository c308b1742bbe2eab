import { z } from "zod";
import { ZVisitMinutesSchema } from "@/lib/visits/schemas";
import { ZIdSchema } from "@/lib/ids";
import { requiredLocalDateTime, ZOccurrenceSchema, ZOptionalLocalDateTimeSchema } from "@/lib/time/calendar";

// Given only to go ahead with a contractor the compliance gate stops (managers, admins).
const overrideReason = z
  .string()
  .trim()
  .max(2000, "Keep the reason under 2,000 characters")
  .optional()
  .transform((v) => v || null);

export const ZAssignContractorSchema = z.object({
  workOrderId: ZIdSchema,
  contractorCompanyId: z.string().min(1, "Choose a contractor").pipe(ZIdSchema),
  overrideReason,
});

// Times are typed as the site's wall clock (the server reads them in its zone); occurrence
// picks one when the clocks go back and the time happens twice.
export const ZAcceptAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  plannedAt: ZOptionalLocalDateTimeSchema,
  occurrence: ZOccurrenceSchema,
});

export const ZDeclineAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  reason: z.string().trim().min(3, "Tell the client why you are declining").max(2000),
});

export const ZAssignTechniciansSchema = z.object({
  assignmentId: ZIdSchema,
  personIds: z
    .union([ZIdSchema, z.array(ZIdSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(ZIdSchema).min(1, "Choose at least one technician").max(20)),
});

export const ZRemoveTechnicianSchema = z.object({ assignmentId: ZIdSchema, personId: ZIdSchema });

// What a technician chosen for many tasks does to those already on them.
export const TECHNICIAN_MODES = ["add", "replace", "remove"] as const;
export type TTechnicianMode = (typeof TECHNICIAN_MODES)[number];

export const ZScheduleAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  scheduledAt: requiredLocalDateTime("Choose the date of the visit"),
  occurrence: ZOccurrenceSchema,
  visitMinutes: ZVisitMinutesSchema.optional(),
});

export const ZCompleteAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  // Whether it is in the future is known once read in the site's zone (complete-assignment.ts).
  // Left empty, the technician's first check-in is the time on site.
  actualOnSiteAt: ZOptionalLocalDateTimeSchema,
  occurrence: ZOccurrenceSchema,
});

export const ZReviewAssignmentSchema = z.discriminatedUnion("decision", [
  z.object({ assignmentId: ZIdSchema, decision: z.literal("accept") }),
  z.object({
    assignmentId: ZIdSchema,
    decision: z.literal("sendBack"),
    reason: z.string().trim().min(3, "Tell the contractor what is missing").max(2000),
  }),
]);

export const ZCancelAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  reason: z.string().trim().min(3, "Give a reason; the contractor is told").max(2000),
});

export const ZReassignSchema = z.object({
  workOrderId: ZIdSchema,
  contractorCompanyId: z.string().min(1, "Choose a contractor").pipe(ZIdSchema),
  reason: z.string().trim().min(3, "Give a reason; the current contractor is told").max(2000),
  overrideReason,
});

const optionalId = z
  .union([ZIdSchema, z.literal("")])
  .transform((v) => v || undefined)
  .optional();

export const ZBulkEditTasksSchema = z
  .object({
    assignmentIds: z
      .union([ZIdSchema, z.array(ZIdSchema)], { error: "Select at least one task" })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(ZIdSchema).min(1, "Select at least one task").max(200, "Edit at most 200 tasks at once")),
    personId: optionalId,
    technicianMode: z.enum(TECHNICIAN_MODES, { error: "Choose add, replace or remove" }).default("add"),
    // Each task's visit at this wall-clock time in its own site's zone.
    scheduledAt: ZOptionalLocalDateTimeSchema,
    occurrence: ZOccurrenceSchema,
  })
  .refine((v) => v.personId || v.scheduledAt, { message: "Choose a technician or a date", path: ["personId"] })
  .refine((v) => v.personId || v.technicianMode === "add", {
    message: "Choose the technician to remove or to put in place of the others",
    path: ["personId"],
  });

export const DESK_COLUMNS = ["site", "status", "technician", "due", "scheduled"] as const;
export type TDeskColumn = (typeof DESK_COLUMNS)[number];

// "client" is the Desk's own order: client by client, then by work order number.
// "action", the default, puts what needs the office first (list-desk-tasks.ts).
export const DESK_TASK_SORTS = ["action", "client", "site", "status", "due", "scheduled"] as const;

// Desk list filters come from the address bar: anything malformed is dropped.
export const ZDeskTaskListSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z
    .enum([
      "OFFERED",
      "ACCEPTED",
      "DECLINED",
      "SCHEDULED",
      "IN_PROGRESS",
      "REVISIT",
      "PERFORMED",
      "COMPLETED",
      "REVIEWED",
      "INVOICED",
      "CANCELLED",
    ])
    .optional()
    .catch(undefined),
  client: ZIdSchema.optional().catch(undefined),
  technician: ZIdSchema.optional().catch(undefined),
  sort: z.enum(DESK_TASK_SORTS).default("action").catch("action"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  // The cursor carries the last row's sort value, which can be a long site or client name.
  after: z.string().max(2000).optional().catch(undefined),
  // Which page the cursor is on, for "101–200 of 2,340".
  page: z.coerce.number().int().min(2).max(1_000_000).optional().catch(undefined),
});
export type TDeskTaskListFilters = z.infer<typeof ZDeskTaskListSchema>;

export const ZDeskColumnsSchema = z.object({
  columns: z
    .union([z.enum(DESK_COLUMNS), z.array(z.enum(DESK_COLUMNS))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
