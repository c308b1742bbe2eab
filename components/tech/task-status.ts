import { statusLabel } from "@/lib/assignments/status-machine";
import type { TTaskStatus } from "@/lib/sync/contract";

export const taskStatusLabel = (status: TTaskStatus) => statusLabel(status);
