import "server-only";
import type { Assignment } from "@/generated/prisma/client";
import type { TTechActor } from "@/lib/auth/actor";
import type { TTx } from "@/lib/db";
import type { TFieldConflict } from "../contract";
import type { TValidMutation } from "../schemas";

export type THandlerContext<M extends TValidMutation["type"]> = {
  tx: TTx;
  actor: TTechActor;
  task: Assignment;
  mutation: Extract<TValidMutation, { type: M }>;
  // When the technician tapped: the phone's clock, unless it runs ahead of ours. What
  // they did is dated by it, however late it arrives (the arrival is kept apart).
  at: Date;
};

export type THandlerOutcome =
  { outcome: "applied" } | { outcome: "conflict"; message: string; conflicts?: TFieldConflict[] };

export const actorOf = (actor: TTechActor) => ({ userId: actor.userId, label: actor.name });
