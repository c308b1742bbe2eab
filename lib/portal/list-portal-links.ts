import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { PORTAL_VIEWS, type TPortalView } from "./views";

// Every customer link of a work order, newest first: view, recipient, sent, first and
// last opened, expiry and withdrawal. The link itself is never shown again, only its ending.
export async function listPortalLinks(actor: TStaffActor, workOrderId: string) {
  const tokens = await db.accessToken.findMany({
    where: { purpose: "PORTAL", organisationId: actor.organisationId, workOrderId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return tokens.map((token) => {
    const scope = (token.scope ?? {}) as { view?: string; ending?: string };
    return {
      id: token.id,
      view: ((PORTAL_VIEWS as readonly string[]).includes(scope.view ?? "") ? scope.view : "progress") as TPortalView,
      ending: scope.ending ?? null,
      email: token.email,
      recipientName: token.recipientName,
      createdAt: token.createdAt,
      firstOpenedAt: token.firstOpenedAt,
      lastOpenedAt: token.lastOpenedAt,
      expiresAt: token.expiresAt,
      revokedAt: token.revokedAt,
    };
  });
}
