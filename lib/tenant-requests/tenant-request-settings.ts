import "server-only";
import { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { optionalText } from "@/lib/forms/optional-text";
import { ZIdSchema } from "@/lib/ids";
import { requestFormUrl } from "./render-request-poster";

export const ZTenantRequestSettingsSchema = z.object({
  emergencyPhone: optionalText(40, "Keep the number under 40 characters").refine(
    (v) => v === null || /^\+?[0-9 ()-]{3,40}$/.test(v),
    "Enter a phone number like 0800 123 4567",
  ),
  dayBeforeHour: z.coerce
    .number("Choose the hour")
    .int("Choose the hour")
    .min(8, "Between 08:00 and 20:00 (texts stop at 21:00)")
    .max(20, "Between 08:00 and 20:00 (texts stop at 21:00)"),
});
export const ZAddEmergencyQuestionSchema = z.object({
  categoryId: ZIdSchema,
  question: z.string().trim().min(5, "Write the question people answer yes or no").max(200, "200 characters at most"),
});
export const ZRemoveEmergencyQuestionSchema = z.object({ questionId: ZIdSchema });

// What the request forms and visit reminders use: the emergency number, the hour of the
// day-before reminder, the questions per trade, and the forms' own addresses.
export async function getTenantRequestSettings(actor: TStaffActor) {
  assertStaffCan(actor, "tenantRequest.settings");
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: {
      emergencyPhone: true,
      dayBeforeReminderHour: true,
      tenantFormKey: true,
      categories: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          emergencyQuestions: { orderBy: { position: "asc" }, select: { id: true, question: true } },
        },
      },
      sites: { orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, city: true, tenantFormKey: true } },
    },
  });
  return {
    ...organisation,
    formUrl: requestFormUrl(organisation.tenantFormKey),
    sites: organisation.sites.map((s) => ({ ...s, formUrl: requestFormUrl(s.tenantFormKey) })),
  };
}

export async function updateTenantRequestSettings(
  actor: TStaffActor,
  input: z.infer<typeof ZTenantRequestSettingsSchema>,
) {
  assertStaffCan(actor, "tenantRequest.settings");
  await db.organisation.update({
    where: { id: actor.organisationId },
    data: { emergencyPhone: input.emergencyPhone, dayBeforeReminderHour: input.dayBeforeHour },
  });
}

export async function addEmergencyQuestion(actor: TStaffActor, input: z.infer<typeof ZAddEmergencyQuestionSchema>) {
  assertStaffCan(actor, "tenantRequest.settings");
  const category = await db.category.findFirst({
    where: { id: input.categoryId, organisationId: actor.organisationId },
    select: { id: true, _count: { select: { emergencyQuestions: true } } },
  });
  if (!category)
    throw invalidInput("Please correct the highlighted fields.", { categoryId: ["Choose one of your trades"] });
  await db.emergencyQuestion.create({
    data: {
      organisationId: actor.organisationId,
      categoryId: category.id,
      question: input.question,
      position: category._count.emergencyQuestions,
    },
  });
}

export async function removeEmergencyQuestion(
  actor: TStaffActor,
  input: z.infer<typeof ZRemoveEmergencyQuestionSchema>,
) {
  assertStaffCan(actor, "tenantRequest.settings");
  const removed = await db.emergencyQuestion.deleteMany({
    where: { id: input.questionId, organisationId: actor.organisationId },
  });
  if (removed.count === 0) throw notFound("Question");
}
