import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { ZPreferencesSchema, ZTextRemindersSchema } from "./schemas";

// A person's own mobile number, whether they take texts, and drawn signature.
export async function updatePreferences(userId: string, input: z.infer<typeof ZPreferencesSchema>) {
  await db.user.update({
    where: { id: userId },
    data: { mobile: input.mobile, smsConsent: input.smsConsent, signatureSvg: input.signatureSvg },
  });
}

// The same number and word on texts, from the technician app.
export async function updateTextReminders(userId: string, input: z.infer<typeof ZTextRemindersSchema>) {
  await db.user.update({ where: { id: userId }, data: { mobile: input.mobile, smsConsent: input.smsConsent } });
}
