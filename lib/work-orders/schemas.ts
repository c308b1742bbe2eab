import { z } from "zod";
import { zAmountIn } from "@/lib/money/schemas";
import { ZIdSchema } from "@/lib/ids";
import { parseCalendarDay, ZOptionalCalendarDaySchema } from "@/lib/time/calendar";

const optionalId = z
  .union([ZIdSchema, z.literal("")])
  .transform((v) => v || undefined)
  .optional();

// The fields staff fill in on both the new and the edit form; amounts in the
// organisation's currency when it is known (the action passes it).
const workOrderFields = (currency?: string) => ({
  title: z.string().trim().min(3, "Give the work order a title of at least 3 characters").max(200),
  description: z.string().trim().max(10_000).default(""),
  siteId: z.string({ error: "Choose a site" }).min(1, "Choose a site").pipe(ZIdSchema),
  assetId: optionalId,
  categoryId: optionalId,
  priority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]).default("NORMAL"),
  dueAt: ZOptionalCalendarDaySchema,
  purchaseOrder: z
    .string()
    .trim()
    .max(100)
    .transform((v) => v || undefined)
    .optional(),
  notToExceed: zAmountIn(currency).optional(),
  internalNotes: z
    .string()
    .trim()
    .max(10_000)
    .transform((v) => v || undefined)
    .optional(),
});

export const createWorkOrderSchema = (currency?: string) => z.object(workOrderFields(currency));
export const ZCreateWorkOrderSchema = createWorkOrderSchema();
export type TCreateWorkOrderInput = z.infer<typeof ZCreateWorkOrderSchema>;

// baseline fingerprints the fields as the form showed them: saving over someone else's
// newer edit is refused rather than silently undoing it (status changes do not count).
export const updateWorkOrderSchema = (currency?: string) =>
  z.object({
    ...workOrderFields(currency),
    workOrderId: ZIdSchema,
    baseline: z.string().regex(/^[a-f0-9]{64}$/, "Reload the page and try again"),
  });
export const ZUpdateWorkOrderSchema = updateWorkOrderSchema();
export type TUpdateWorkOrderInput = z.infer<typeof ZUpdateWorkOrderSchema>;

// List filters arrive from the address bar; anything malformed is dropped, never an error.
const optionalFilterId = ZIdSchema.optional().catch(undefined);
const optionalDay = z
  .string()
  .refine((text) => parseCalendarDay(text) !== null)
  .optional()
  .catch(undefined);

export const WORK_ORDER_SORTS = ["number", "created", "sla", "due"] as const;

export const ZWorkOrderListSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z
    .enum(["OPEN", "ASSIGNED", "IN_PROGRESS", "AWAITING_REVIEW", "COMPLETED", "CANCELLED"])
    .optional()
    .catch(undefined),
  contractor: optionalFilterId,
  site: optionalFilterId,
  trade: optionalFilterId,
  priority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]).optional().catch(undefined),
  createdFrom: optionalDay,
  createdTo: optionalDay,
  dueFrom: optionalDay,
  dueTo: optionalDay,
  breached: z.literal("1").optional().catch(undefined),
  // One of the staff home's "needs attention" groups (lib/work-orders/attention.ts).
  needs: z.enum(["answer", "sla", "review", "reply", "nte"]).optional().catch(undefined),
  sort: z.enum(WORK_ORDER_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  // Which page the cursor is on, for "51–100 of 2,340" (the cursor alone decides the rows).
  page: z.coerce.number().int().min(2).max(1_000_000).optional().catch(undefined),
});
export type TWorkOrderListFilters = z.infer<typeof ZWorkOrderListSchema>;

// The staff list's columns a person may hide (the number and the title always show).
export const STAFF_WORK_ORDER_COLUMNS = ["site", "priority", "status", "contractor", "created", "due", "sla"] as const;
export type TStaffWorkOrderColumn = (typeof STAFF_WORK_ORDER_COLUMNS)[number];
export const ZStaffColumnsSchema = z.object({
  columns: z
    .union([z.enum(STAFF_WORK_ORDER_COLUMNS), z.array(z.enum(STAFF_WORK_ORDER_COLUMNS))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const ZSaveFilterSchema = z.object({
  name: z.string().trim().min(1, "Name the filter").max(80),
  query: z
    .string()
    .max(2000)
    .regex(/^[\w\-=&%.+]*$/, "Invalid filter"),
});

const optionalNumber = z
  .string()
  .trim()
  .regex(/^(-?\d{1,9}([.,]\d{1,4})?)?$/, "Enter a number like 12 or 12.5")
  .transform((v) => (v ? Number(v.replace(",", ".")) : null))
  .optional()
  .transform((v) => v ?? null);

export const ZAddServiceTaskSchema = z
  .object({
    workOrderId: ZIdSchema,
    title: z.string().trim().min(2, "Name the step, e.g. Burner pressure").max(200),
    kind: z.enum(["CHECK", "READING", "TEXT", "PHOTO"], { error: "Choose what the technician records" }),
    unit: z
      .string()
      .trim()
      .max(20)
      .transform((v) => v || null)
      .optional()
      .transform((v) => v ?? null),
    minValue: optionalNumber,
    maxValue: optionalNumber,
    photoRequired: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
  })
  .refine((v) => v.minValue === null || v.maxValue === null || v.minValue <= v.maxValue, {
    path: ["maxValue"],
    message: "The highest allowed value must not be below the lowest",
  });
export type TAddServiceTaskInput = z.infer<typeof ZAddServiceTaskSchema>;

// The staff list's bulk bar: assign a contractor and/or set a priority on the ticked work
// orders, or archive them (the Archive button's intent).
export const ZBulkEditWorkOrdersSchema = z
  .object({
    workOrderIds: z
      .union([ZIdSchema, z.array(ZIdSchema)], { error: "Select at least one work order" })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(
        z.array(ZIdSchema).min(1, "Select at least one work order").max(200, "Edit at most 200 work orders at once"),
      ),
    intent: z.enum(["apply", "archive"]).default("apply"),
    contractorCompanyId: optionalId,
    priority: z
      .union([z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]), z.literal("")])
      .transform((v) => v || undefined)
      .optional(),
  })
  .refine((v) => v.intent === "archive" || v.contractorCompanyId || v.priority, {
    message: "Choose a contractor or a priority",
    path: ["contractorCompanyId"],
  });
export type TBulkEditWorkOrdersInput = z.infer<typeof ZBulkEditWorkOrdersSchema>;
