import "server-only";
import { quoteLinkUrl } from "@/lib/auth/link-urls";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import type { TTx } from "@/lib/db";
import { linkExpiry } from "./quote-phase";

// A new link to one invitation (earlier ones are left as they are), readable until 14
// days after the deadline. Returns its address; only its hash is kept.
export async function issueQuoteLink(
  tx: TTx,
  organisationId: string,
  invitation: { id: string; email: string },
  deadline: Date,
): Promise<string> {
  const secret = newLinkSecret();
  await tx.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "QUOTE",
      email: invitation.email,
      organisationId,
      scope: { invitationId: invitation.id },
      expiresAt: linkExpiry(deadline),
    },
  });
  return quoteLinkUrl(secret);
}
