import "server-only";
import { z } from "zod";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { currentDeskActor, currentStaffActor, sessionUserId } from "@/lib/auth/session";
import { assertDeskCan, assertStaffCan, type TDeskPermission, type TStaffPermission } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { parseInput, runAction, type TActionResult } from "./result";

// The action clients: the one door every server action goes through. Each resolves the
// actor from the session, checks the permission table, validates the input with its
// schema and turns errors into typed results the form shows.

const unauthenticated = () => new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");

type THandler<A, S extends z.ZodType, R> = (actor: A, input: z.infer<S>) => Promise<R>;
// Usable directly and with useActionState (previous state first, then the form data).
export type TAction<R> = (previousOrInput: unknown, formData?: FormData) => Promise<TActionResult<R>>;

// A schema, or one made for the actor (amounts in its organisation's currency).
type TSchemaFor<A, S> = S | ((actor: A) => S);

function makeClient<A>(loadActor: () => Promise<A | null>, check: (actor: A, permission: string) => void) {
  return function action<S extends z.ZodType, R>(
    permission: string,
    schema: TSchemaFor<A, S>,
    handler: THandler<A, S, R>,
  ): TAction<R> {
    return async (previousOrInput, formData) =>
      runAction(async () => {
        const actor = await loadActor();
        if (!actor) throw unauthenticated();
        check(actor, permission);
        const forActor = typeof schema === "function" ? (schema as (actor: A) => S)(actor) : schema;
        return handler(actor, parseInput(forActor, formData ?? previousOrInput));
      });
  };
}

export const staffAction = makeClient<TStaffActor>(currentStaffActor, (actor, p) =>
  assertStaffCan(actor, p as TStaffPermission),
) as <S extends z.ZodType, R>(
  permission: TStaffPermission,
  schema: TSchemaFor<TStaffActor, S>,
  handler: THandler<TStaffActor, S, R>,
) => TAction<R>;

export const deskAction = makeClient<TDeskActor>(currentDeskActor, (actor, p) =>
  assertDeskCan(actor, p as TDeskPermission),
) as <S extends z.ZodType, R>(
  permission: TDeskPermission,
  schema: TSchemaFor<TDeskActor, S>,
  handler: THandler<TDeskActor, S, R>,
) => TAction<R>;

// What any signed-in person may do with what is theirs alone (their own invitations):
// the session's person, whatever their roles; the handler's query is scoped to them.
export function personAction<S extends z.ZodType, R>(
  schema: S,
  handler: (userId: string, input: z.infer<S>) => Promise<R>,
): TAction<R> {
  return async (previousOrInput, formData) =>
    runAction(async () => {
      const userId = await sessionUserId();
      if (!userId) throw unauthenticated();
      return handler(userId, parseInput(schema, formData ?? previousOrInput));
    });
}

// Sign-in and link pages: no session needed; rate limits and link checks live in lib/auth.
export function publicAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<R>,
): TAction<R> {
  return async (previousOrInput, formData) =>
    runAction(async () => handler(parseInput(schema, formData ?? previousOrInput)));
}
