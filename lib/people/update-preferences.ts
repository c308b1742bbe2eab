import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { ZPreferencesSchema } from "./schemas";

// A person's own mobile number and drawn signature.
export async function updatePreferences(userId: string, input: z.infer<typeof ZPreferencesSchema>) {
  await db.user.update({ where: { id: userId }, data: { mobile: input.mobile, signatureSvg: input.signatureSvg } });
}
