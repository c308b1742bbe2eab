import { z } from "zod";
import { withoutSignIn } from "@/lib/actions/route";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { pullDueJobsForward } from "@/lib/jobs/pull-due-jobs";
import { now, setTestClockOffsetMs, testClockOffsetMs } from "@/lib/time/now";

export const dynamic = "force-dynamic";

// Browser tests let time pass: POST {"advanceMinutes": n} moves this server's clock
// forward (never back) and runs the jobs that are then due; {"reset": true} returns it
// to the machine's. Exists only on a server started with TEST_CLOCK=on; elsewhere the
// address is not found.
const ZClockChangeSchema = z.union([
  z.object({
    advanceMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 366),
  }),
  z.object({ reset: z.literal(true) }),
]);

export const GET = withoutSignIn(async () => {
  if (!env.TEST_CLOCK) throw notFound();
  return Response.json({ now: now().toISOString(), offsetMs: testClockOffsetMs() });
});

export const POST = withoutSignIn(
  async (request: Request) => {
    if (!env.TEST_CLOCK) throw notFound();
    const change = ZClockChangeSchema.safeParse(await request.json().catch(() => null));
    if (!change.success) throw new AppError("INVALID_INPUT", "Send {advanceMinutes: n} or {reset: true}.");
    setTestClockOffsetMs("reset" in change.data ? 0 : testClockOffsetMs() + change.data.advanceMinutes * 60_000);
    const jobsDue = await pullDueJobsForward(now());
    return Response.json({ now: now().toISOString(), offsetMs: testClockOffsetMs(), jobsDue });
  },
  { accepts: ["application/json"] },
);
