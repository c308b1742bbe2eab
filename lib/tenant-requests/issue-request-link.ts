import "server-only";
import { requestLinkUrl } from "@/lib/auth/link-urls";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import type { TTx } from "@/lib/db";

// How long a tenant's link works from the email that carries it: long enough to follow
// the work to its end.
const LINK_DAYS = 90;

// A new link to one tenant request (earlier ones keep working until they expire): each
// email to the tenant carries its own. Only the hash is kept.
export async function issueRequestLink(
  tx: TTx,
  request: { id: string; organisationId: string; email: string },
  now: Date,
): Promise<string> {
  const secret = newLinkSecret();
  await tx.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "TENANT_REQUEST",
      email: request.email,
      organisationId: request.organisationId,
      scope: { tenantRequestId: request.id },
      expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000),
    },
  });
  return requestLinkUrl(secret);
}
