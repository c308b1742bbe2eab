import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { ZDeviceInstantSchema } from "@/lib/time/calendar";
import { ZSignatureSvgSchema } from "@/lib/people/schemas";
import { MAX_MUTATIONS_PER_REQUEST } from "./contract";

// Ids the device makes up itself (mutations, defects, photos, the device): random UUIDs.
export const ZClientIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Expected a UUID");

export const ZSyncEnvelopeSchema = z.object({
  deviceId: ZClientIdSchema,
  mutations: z.array(z.unknown()).min(1).max(MAX_MUTATIONS_PER_REQUEST, `Send at most ${MAX_MUTATIONS_PER_REQUEST} mutations at once`),
});

// Enough to record a mutation even when the rest of it is malformed, so a bad one never
// blocks the ones after it.
export const ZMutationHeaderSchema = z.object({
  mutationId: ZClientIdSchema,
  taskId: z.string().min(1).max(64),
  seq: z.number().int().min(1).max(1_000_000_000),
  type: z.string().max(40),
});

const base = {
  mutationId: ZClientIdSchema,
  taskId: ZIdSchema,
  seq: z.number().int().min(1),
  deviceAt: ZDeviceInstantSchema,
};

const signature = z.object({
  name: z.string().trim().min(1, "Enter the signer's name").max(200),
  svg: ZSignatureSvgSchema.refine((svg) => svg !== "", "The signature is empty"),
});

const serviceTaskFields = z
  .object({
    result: z.enum(["PASS", "FAIL", "NOT_APPLICABLE"]).nullable().optional(),
    reading: z.number().finite().nullable().optional(),
    answer: z.string().max(5000).nullable().optional(),
  })
  .strict();

const location = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), accuracyM: z.number().min(0).max(100_000).optional() });

export const ZMutationSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("check_in"), location: location.optional() }),
  z.object({ ...base, type: z.literal("locate_check_in"), checkInId: ZClientIdSchema, location }),
  z.object({ ...base, type: z.literal("record_result"), serviceTaskId: ZIdSchema, changes: serviceTaskFields, base: serviceTaskFields }),
  z.object({ ...base, type: z.literal("report_defect"), defectId: ZClientIdSchema, severity: z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]), description: z.string().trim().min(1, "Describe the defect").max(5000) }),
  z.object({ ...base, type: z.literal("request_revisit"), reason: z.string().trim().min(1, "Say why a revisit is needed").max(2000) }),
  z.object({ ...base, type: z.literal("perform"), notes: z.string().trim().max(10_000), technicianSignature: signature, clientSignature: signature.optional() }),
]);
export type TValidMutation = z.infer<typeof ZMutationSchema>;
