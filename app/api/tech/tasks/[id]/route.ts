import { withActor } from "@/lib/actions/route";
import { getTechnicianTask } from "@/lib/assignments/list-technician-tasks";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";

export const GET = withActor("tech", "task.work", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed task id");
  return { task: await getTechnicianTask(actor, params.id) };
});
