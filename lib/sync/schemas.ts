import * as z from "zod/mini";
import { ID_PATTERN } from "@/lib/id-pattern";
import { drawnSignatureProblem, MAX_SIGNATURE_SVG } from "@/lib/people/signature-svg";
import { isDeviceInstant, YEAR_RANGE } from "@/lib/time/wall-clock";
import { MAX_MUTATIONS_PER_REQUEST } from "./contract";

// The one definition of what a technician's device may send, in zod's small build: the
// server validates every mutation with it, and the technician app checks its forms with
// it before saving (lib/offline/check-mutation.ts), so over-long or empty input is caught
// on the phone, not at sync. The mutation types (contract.ts) are inferred from it.

// Ids the device makes up itself (mutations, defects, photos, the device): random UUIDs.
export const ZClientIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Expected a UUID"));
const ZRecordIdSchema = z.string().check(z.regex(ID_PATTERN, "Malformed identifier"));

export const ZSyncEnvelopeSchema = z.object({
  deviceId: ZClientIdSchema,
  mutations: z
    .array(z.unknown())
    .check(
      z.minLength(1),
      z.maxLength(MAX_MUTATIONS_PER_REQUEST, `Send at most ${MAX_MUTATIONS_PER_REQUEST} mutations at once`),
    ),
});

// Enough to record a mutation even when the rest of it is malformed, so a bad one never
// blocks the ones after it.
export const ZMutationHeaderSchema = z.object({
  mutationId: ZClientIdSchema,
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  seq: z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000_000)),
  type: z.string().check(z.maxLength(40)),
});

const base = {
  mutationId: ZClientIdSchema,
  taskId: ZRecordIdSchema,
  seq: z.number().check(z.int(), z.minimum(1)),
  deviceAt: z
    .string()
    .check(
      z.refine(
        isDeviceInstant,
        `Expected a real date and time ${YEAR_RANGE}, with its offset (check the phone's clock)`,
      ),
    ),
};

const text = (max: number, empty?: string) =>
  z
    .string()
    .check(
      z.trim(),
      ...(empty ? [z.minLength(1, empty)] : []),
      z.maxLength(max, `Use at most ${max.toLocaleString("en-GB")} characters`),
    );

// A signature is drawn on the pad (its SVG, refused when empty or only a dot), or, for
// someone who cannot draw, their name typed as the signature (`typed`, no SVG), and
// recorded as what it is.
const signature = z
  .strictObject({
    name: text(200, "Enter the signer's name"),
    svg: z.optional(z.string().check(z.maxLength(MAX_SIGNATURE_SVG, "The signature is too large"))),
    typed: z.optional(z.literal(true)),
  })
  .check(
    z.superRefine((value, context) => {
      if (value.typed) {
        if (value.svg)
          context.addIssue({
            code: "custom",
            message: "A typed signature has no drawing",
            path: ["svg"],
            input: value,
          });
        return;
      }
      const problem = drawnSignatureProblem(value.svg ?? "");
      if (problem) context.addIssue({ code: "custom", message: problem, path: ["svg"], input: value });
    }),
  );

const serviceTaskFields = z.strictObject({
  result: z.optional(z.nullable(z.enum(["PASS", "FAIL", "NOT_APPLICABLE"]))),
  reading: z.optional(z.nullable(z.number())),
  answer: z.optional(z.nullable(z.string().check(z.maxLength(5000, "Use at most 5,000 characters")))),
});

const location = z.object({
  latitude: z.number().check(z.minimum(-90), z.maximum(90)),
  longitude: z.number().check(z.minimum(-180), z.maximum(180)),
  accuracyM: z.optional(z.number().check(z.minimum(0), z.maximum(100_000))),
});

const FIVE_MINUTES = 5 * 60_000;
export const ENDS_IN_FUTURE = "This time would end in the future (check the phone's date and time)";

// Time the technician spent: from a start, for whole minutes (at most a day in one entry),
// and not ending after the moment it was recorded on the phone.
const recordTime = z
  .object({
    ...base,
    type: z.literal("record_time"),
    timeEntryId: ZClientIdSchema,
    startedAt: z
      .string()
      .check(z.refine(isDeviceInstant, `Expected a real start date and time ${YEAR_RANGE}, with its offset`)),
    minutes: z
      .number()
      .check(
        z.int("Enter whole minutes"),
        z.minimum(1, "Enter a duration of at least a minute"),
        z.maximum(24 * 60, "One entry is 24 hours at most: enter each day apart"),
      ),
    labourType: z.enum(["NORMAL", "OVERTIME", "CALLOUT", "TRAVEL"]),
    note: z.optional(text(1000)),
  })
  .check(
    z.refine(
      (m) =>
        !isDeviceInstant(m.startedAt) ||
        !isDeviceInstant(m.deviceAt) ||
        Date.parse(m.startedAt) + m.minutes * 60_000 <= Date.parse(m.deviceAt) + FIVE_MINUTES,
      { message: ENDS_IN_FUTURE, path: ["minutes"] },
    ),
  );

export const ZMutationSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("check_in"), location: z.optional(location) }),
  z.object({ ...base, type: z.literal("locate_check_in"), checkInId: ZClientIdSchema, location }),
  z.object({
    ...base,
    type: z.literal("record_result"),
    serviceTaskId: ZRecordIdSchema,
    changes: serviceTaskFields,
    base: serviceTaskFields,
  }),
  z.object({
    ...base,
    type: z.literal("report_defect"),
    defectId: ZClientIdSchema,
    severity: z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
    description: text(5000, "Describe the defect"),
  }),
  z.object({ ...base, type: z.literal("request_revisit"), reason: text(2000, "Say why a revisit is needed") }),
  z.object({
    ...base,
    type: z.literal("perform"),
    notes: text(10_000),
    technicianSignature: signature,
    clientSignature: z.optional(signature),
  }),
  recordTime,
]);
export type TValidMutation = z.infer<typeof ZMutationSchema>;
