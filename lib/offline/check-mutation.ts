import { ZMutationSchema } from "@/lib/sync/schemas";
import type { TMutationBody } from "./enqueue";

// What the server would refuse in a change, checked on the phone before it is saved, with
// the server's own schema: field path ("description", "technicianSignature.name") to message.
export function mutationProblems(taskId: string, body: TMutationBody): Record<string, string> {
  const checked = ZMutationSchema.safeParse({
    ...body,
    mutationId: "00000000-0000-4000-8000-000000000000",
    taskId,
    seq: 1,
    deviceAt: new Date().toISOString(),
  });
  if (checked.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of checked.error.issues) {
    const field = issue.path.join(".");
    problems[field] ??= issue.message;
  }
  return problems;
}

export class InvalidChangeError extends Error {
  constructor(public readonly problems: Record<string, string>) {
    super(Object.values(problems)[0]);
  }
}

// Nothing the server must refuse is ever queued from the app's own forms.
export function assertValidChange(taskId: string, body: TMutationBody): void {
  const problems = mutationProblems(taskId, body);
  if (Object.keys(problems).length) throw new InvalidChangeError(problems);
}
