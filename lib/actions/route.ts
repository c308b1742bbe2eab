import "server-only";
import { NextResponse } from "next/server";
import type { TActor } from "@/lib/auth/actor";
import { currentDeskActor, currentStaffActor, currentTechActor } from "@/lib/auth/session";
import { AppError, toAppError } from "@/lib/errors";

type TAudience = "staff" | "desk" | "tech";
const loaders = { staff: currentStaffActor, desk: currentDeskActor, tech: currentTechActor };

// The route-handler door: resolves the actor for the audience, runs the handler, and maps
// AppError codes to HTTP status with a JSON body { error: { code, message } }.
export function withActor<A extends TAudience, P>(
  audience: A,
  handler: (actor: NonNullable<Awaited<ReturnType<(typeof loaders)[A]>>> & TActor, request: Request, params: P) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const actor = await loaders[audience]();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      const body = await handler(actor as never, request, await context.params);
      return body instanceof Response ? body : NextResponse.json(body);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

// For resources every signed-in audience may reach (files): the first role the person
// has, staff before desk before technician; the handler's query scope does the rest.
export function withAnyActor<P>(handler: (actor: TActor, request: Request, params: P) => Promise<unknown>) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const actor = (await currentStaffActor()) ?? (await currentDeskActor()) ?? (await currentTechActor());
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      const body = await handler(actor, request, await context.params);
      return body instanceof Response ? body : NextResponse.json(body);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") console.error(error);
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
    { status: appError.status },
  );
}
