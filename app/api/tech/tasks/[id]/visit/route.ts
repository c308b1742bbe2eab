import { withActor } from "@/lib/actions/route";
import { parseInput } from "@/lib/actions/result";
import { ZBookVisitSchema } from "@/lib/visits/schemas";
import { bookVisit } from "@/lib/visits/book-visit";

// A technician books their task's visit from the app, online only: the tenant is told at
// once and the office, the tenant and the technicians get the calendar invitation.
export const POST = withActor(
  "tech",
  "visit.book",
  async (actor, request, params: { id: string }) => {
    const body = await request.json().catch(() => null);
    const input = parseInput(ZBookVisitSchema, { ...(body ?? {}), assignmentId: params.id });
    return bookVisit(actor, input);
  },
  { accepts: ["application/json"] },
);
