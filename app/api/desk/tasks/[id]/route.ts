import { withActor } from "@/lib/actions/route";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";

export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed task id");
  return { task: await getDeskTask(actor, params.id) };
});
