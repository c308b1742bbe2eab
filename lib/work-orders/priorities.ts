import type { Priority } from "@/generated/prisma/client";

// Each priority sets how long the contractor has before the SLA is breached.
export const SLA_HOURS: Record<Priority, number> = { URGENT: 4, HIGH: 24, NORMAL: 72, LOW: 240 };

export function slaDueAt(priority: Priority, from: Date): Date {
  return new Date(from.getTime() + SLA_HOURS[priority] * 3_600_000);
}

export const PRIORITY_OPTIONS = (Object.keys(SLA_HOURS) as Priority[]).map((p) => ({
  value: p,
  label: `${p.charAt(0) + p.slice(1).toLowerCase()} (within ${SLA_HOURS[p]} h)`,
}));
