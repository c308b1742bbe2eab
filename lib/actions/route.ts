import "server-only";
import { NextResponse } from "next/server";
import type { TActor } from "@/lib/auth/actor";
import { currentDeskActor, currentStaffActor, currentTechActor } from "@/lib/auth/session";
import { AppError, toAppError } from "@/lib/errors";

type TAudience = "staff" | "desk" | "tech";
const loaders = { staff: currentStaffActor, desk: currentDeskActor, tech: currentTechActor };

type TContext<P> = { params: Promise<P> };

// The route-handler door: resolves the actor, runs the handler, and maps AppError codes
// to HTTP status with a JSON body { error: { code, message } }.
function handleWith<A, P>(loadActor: () => Promise<A | null>, handler: (actor: A, request: Request, params: P) => Promise<unknown>) {
  return async (request: Request, context: TContext<P>) => {
    try {
      const actor = await loadActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      const body = await handler(actor, request, await context.params);
      return body instanceof Response ? body : NextResponse.json(body);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function withActor<A extends TAudience, P>(
  audience: A,
  handler: (actor: NonNullable<Awaited<ReturnType<(typeof loaders)[A]>>>, request: Request, params: P) => Promise<unknown>,
) {
  return handleWith(loaders[audience] as () => Promise<NonNullable<Awaited<ReturnType<(typeof loaders)[A]>>> | null>, handler);
}

// For resources several audiences may reach (files): every role the person has, so someone
// who is office staff for one company and a technician for another reaches both; the
// handler's query scopes do the rest.
export function withEveryRole<P>(handler: (actors: TActor[], request: Request, params: P) => Promise<unknown>) {
  return handleWith<TActor[], P>(async () => {
    const roles = await Promise.all([currentStaffActor(), currentDeskActor(), currentTechActor()]);
    const actors = roles.filter((actor): actor is NonNullable<typeof actor> => actor !== null);
    return actors.length > 0 ? actors : null;
  }, handler);
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") console.error(error);
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
    { status: appError.status },
  );
}

