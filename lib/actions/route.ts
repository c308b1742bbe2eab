import "server-only";
import { NextResponse } from "next/server";
import type { TActor, TDeskActor, TLinkActor, TStaffActor, TTechActor } from "@/lib/auth/actor";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { resolvePortalLink, type TPortalUse } from "@/lib/portal/resolve-portal-link";
import { currentDeskActor, currentStaffActor, currentTechActor, sessionUserId } from "@/lib/auth/session";
import {
  assertDeskCan,
  assertLinkCan,
  assertStaffCan,
  assertTechCan,
  deskCan,
  staffCan,
  techCan,
  type TDeskPermission,
  type TLinkPermission,
  type TStaffPermission,
  type TTechPermission,
} from "@/lib/authz/permissions";
import { AppError, toAppError } from "@/lib/errors";
import { isSameOriginRequest } from "./same-origin";

// The route-handler door. Every handler names its audience and the permission it needs;
// the door resolves the actor, checks the permission table, and for a request that
// changes something (anything but GET and HEAD) checks that it comes from Fieldgate's own
// pages and carries the body type the handler reads, so another site (another port of the
// same host included) cannot make a signed-in browser write. AppError codes map to HTTP
// status with a JSON body { error: { code, message } }.

type TContext<P> = { params: Promise<P> };
type TAudiences = {
  staff: { actor: TStaffActor; permission: TStaffPermission };
  desk: { actor: TDeskActor; permission: TDeskPermission };
  tech: { actor: TTechActor; permission: TTechPermission };
};
type TAudience = keyof TAudiences;

export type TRouteOptions = {
  // Content types a body may have (a value ending in "/" accepts the whole family, e.g.
  // "image/"); a write with another one, text/plain included, is refused.
  accepts?: string[];
  // A page rather than an API: someone not signed in is sent to sign in.
  page?: boolean;
  // A write that only records what a browser reports about itself (CSP reports), which
  // browsers send without an Origin of ours.
  anyOrigin?: boolean;
};

const doors: {
  [A in TAudience]: {
    load: () => Promise<TAudiences[A]["actor"] | null>;
    assert: (actor: TAudiences[A]["actor"], permission: TAudiences[A]["permission"]) => void;
  };
} = {
  staff: { load: currentStaffActor, assert: assertStaffCan },
  desk: { load: currentDeskActor, assert: (actor, permission) => assertDeskCan(actor, permission) },
  tech: { load: currentTechActor, assert: assertTechCan },
};

const READS = new Set(["GET", "HEAD"]);

function checkWrite(request: Request, options: TRouteOptions): void {
  if (READS.has(request.method)) return;
  if (!options.anyOrigin && !isSameOriginRequest(request))
    throw new AppError("FORBIDDEN", "This request must come from Fieldgate itself.");
  if (!options.accepts) return;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const accepted = options.accepts.some((expected) =>
    expected.endsWith("/") ? type.startsWith(expected) && type.length > expected.length : type === expected,
  );
  if (!accepted)
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as ${options.accepts.map((t) => (t.endsWith("/") ? `${t}*` : t)).join(" or ")}.`,
    );
}

// Back to the page after signing in; a form's target (a POST) is not a page to return to.
function signInRedirect(request: Request, signedIn: boolean): Response {
  const url = new URL(request.url);
  const query = new URLSearchParams({
    ...(signedIn ? { notice: "wrong-area" } : {}),
    ...(READS.has(request.method) ? { next: `${url.pathname}${url.search}` } : {}),
  });
  return new Response(null, { status: 303, headers: { Location: `/signin${query.size ? `?${query}` : ""}` } });
}

function handle<A, P>(
  load: () => Promise<A | null>,
  assert: (actor: A) => void,
  options: TRouteOptions,
  handler: (actor: A, request: Request, params: P) => Promise<unknown>,
) {
  return async (request: Request, context: TContext<P>) => {
    try {
      checkWrite(request, options);
      const actor = await load();
      if (!actor) {
        if (options.page) return signInRedirect(request, (await sessionUserId()) !== null);
        throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      }
      assert(actor);
      const body = await handler(actor, request, await context.params);
      return body instanceof Response ? body : NextResponse.json(body);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function withActor<A extends TAudience, P>(
  audience: A,
  permission: TAudiences[A]["permission"],
  handler: (actor: TAudiences[A]["actor"], request: Request, params: P) => Promise<unknown>,
  options: TRouteOptions = {},
) {
  const door = doors[audience];
  return handle<TAudiences[A]["actor"], P>(door.load, (actor) => door.assert(actor, permission), options, handler);
}

// For resources several audiences may reach (files): every role the person has that holds
// its audience's permission, so someone who is office staff for one company and a
// technician for another reaches both; the handler's query scopes do the rest.
export function withEveryRole<P>(
  permissions: { staff: TStaffPermission; desk: TDeskPermission; tech: TTechPermission },
  handler: (actors: TActor[], request: Request, params: P) => Promise<unknown>,
) {
  const load = async () => {
    const [staff, desk, tech] = await Promise.all([currentStaffActor(), currentDeskActor(), currentTechActor()]);
    const actors = [
      staff && staffCan(staff, permissions.staff) ? staff : null,
      desk && deskCan(desk, permissions.desk) ? desk : null,
      tech && techCan(tech, permissions.tech) ? tech : null,
    ].filter((actor): actor is NonNullable<typeof actor> => actor !== null);
    return actors.length > 0 ? actors : null;
  };
  return handle<TActor[], P>(load, () => undefined, {}, handler);
}

// For what every signed-in person may do whatever their roles (sign out).
export function withSignedInUser<P>(
  handler: (user: { userId: string }, request: Request, params: P) => Promise<unknown>,
  options: TRouteOptions = {},
) {
  const load = async () => {
    const userId = await sessionUserId();
    return userId ? { userId } : null;
  };
  return handle<{ userId: string }, P>(load, () => undefined, options, handler);
}

// For what anyone may reach without signing in: the health check, CSP reports.
export function withoutSignIn<P>(
  handler: (request: Request, params: P) => Promise<unknown>,
  options: TRouteOptions = {},
) {
  return handle<true, P>(
    async () => true,
    () => undefined,
    options,
    (_anyone, request, params) => handler(request, params),
  );
}

// For a customer's link (/l/<token>/…): the token is resolved and logged with what the
// request does, and the link's view must hold the permission; nothing else is reachable.
export function withPortalLink<P extends { token: string }>(
  permission: TLinkPermission,
  use: TPortalUse,
  handler: (actor: TLinkActor, request: Request, params: P) => Promise<unknown>,
) {
  return handle<true, P>(
    async () => true,
    () => undefined,
    {},
    async (_anyone, request, params) => {
      const actor = await resolvePortalLink(params.token, metaFromHeaders(request.headers), use);
      assertLinkCan(actor, permission);
      return handler(actor, request, params);
    },
  );
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") console.error(error);
  if (appError.code === "UNAVAILABLE")
    console.warn(
      `[database] not answering: ${String((error as Error)?.message ?? error)
        .split("\n")
        .pop()}`,
    );
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
    { status: appError.status },
  );
}
