import { withActor } from "@/lib/actions/route";
import { parseInput } from "@/lib/actions/result";
import { getPreferences } from "@/lib/people/get-preferences";
import { ZTextRemindersSchema } from "@/lib/people/schemas";
import { updateTextReminders } from "@/lib/people/update-preferences";

// The technician's own mobile number and whether reminders of their visits are texted to it.
export const GET = withActor("tech", "task.work", async (actor) => {
  const { mobile, smsConsent } = await getPreferences(actor.userId);
  return { mobile, smsConsent };
});

export const PUT = withActor(
  "tech",
  "task.work",
  async (actor, request) => {
    const input = parseInput(ZTextRemindersSchema, await request.json().catch(() => null));
    await updateTextReminders(actor.userId, input);
    return { mobile: input.mobile, smsConsent: input.smsConsent };
  },
  { accepts: ["application/json"] },
);
