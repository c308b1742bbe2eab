import "server-only";
import type { TTx } from "@/lib/db";
import { addJob, type TJobOptions } from "./add-job";
import type { TJobName, TJobPayloads } from "./job-names";

// One delivery job per transaction, however many messages it queues: the first marks the
// transaction (a setting that ends with it) and adds the job.
export async function addJobOncePerTransaction<N extends TJobName>(
  tx: TTx,
  name: N,
  payload: TJobPayloads[N],
  options: TJobOptions,
): Promise<void> {
  const setting = `fieldgate.job_${name.replace(/[^a-z]/g, "_")}`;
  const [marked] = await tx.$queryRaw<{ value: string | null }[]>`SELECT current_setting(${setting}, true) AS value`;
  if (marked?.value === "yes") return;
  await addJob(tx, name, payload, options);
  await tx.$queryRaw`SELECT set_config(${setting}, 'yes', true)`;
}
