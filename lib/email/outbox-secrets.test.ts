import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/secrets";
import { consumeSignInLink, requestSignInLink } from "@/lib/auth/sign-in-links";
import { inviteContractor } from "@/lib/contractors/invite-contractor";
import { db } from "@/lib/db";
import { addCompanyPerson } from "@/lib/people/company-people";
import { sendPortalLink } from "@/lib/portal/send-portal-link";
import {
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createStaffUser,
  createWorkOrder,
} from "@/prisma/factories";
import { startFakeResend, type TFakeResend } from "@/tests/fake-resend";
import { deliverOutbox } from "./deliver-outbox";
import { resendTransport } from "./transport";

const meta = () => ({
  ip: `10.91.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  userAgent: "vitest",
});

// Every URL path segment in a text that could be a link secret.
function candidateSecrets(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'<>]+/g)]
    .flatMap((url) => url[0].split(/[/?#&=]/))
    .filter((part) => /^[A-Za-z0-9_-]{20,}$/.test(part));
}

async function liveTokensAmong(candidates: string[]) {
  if (candidates.length === 0) return [];
  return db.accessToken.findMany({
    where: {
      tokenHash: { in: candidates.map(hashSecret) },
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true, purpose: true },
  });
}

describe("the outbox keeps no usable link", () => {
  let fake: TFakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(() => fake.stop());

  it("once emails with sign-in, invitation and portal links are sent, no URL left in the outbox opens a valid token", async () => {
    const org = await createOrganisation(db);
    const admin = (await loadStaffActor((await createStaffUser(db, org.id, "ADMIN")).id))!;
    const company = await createContractorCompany(db, [org.id]);
    const companyAdmin = await createContractorPerson(db, company.id, "ADMIN");
    const desk = (await loadDeskActor(companyAdmin.user.id))!;
    const site = await createSite(db, org.id);
    const workOrder = await createWorkOrder(db, { organisationId: org.id, siteId: site.id });
    const suffix = Date.now();

    await requestSignInLink({ email: companyAdmin.user.email }, meta());
    await inviteContractor(admin, {
      companyName: `Newco ${suffix}`,
      adminName: "Nia New",
      adminEmail: `nia-${suffix}@example.test`,
    });
    await addCompanyPerson(desk, {
      companyId: company.id,
      name: "Pat Person",
      email: `pat-${suffix}@example.test`,
      role: "TECHNICIAN",
    });
    await sendPortalLink(admin, {
      workOrderId: workOrder.id,
      view: "progress",
      emails: [`customer-${suffix}@example.test`],
      message: null,
      expiresInHours: 48,
    });

    const ours = await db.emailOutbox.findMany({
      where: {
        to: {
          in: [
            companyAdmin.user.email,
            `nia-${suffix}@example.test`,
            `pat-${suffix}@example.test`,
            `customer-${suffix}@example.test`,
          ],
        },
      },
    });
    expect(ours).toHaveLength(4);
    await deliverOutbox(db, { transport: resendTransport("re_test_key", fake.url), ids: ours.map((e) => e.id) });

    // What was delivered carries working links (one per email)...
    const delivered = fake.messages.filter((m) => ours.some((e) => m.to.includes(e.to)));
    expect(delivered).toHaveLength(4);
    const deliveredTokens = await liveTokensAmong(delivered.flatMap((m) => candidateSecrets(m.text)));
    expect(deliveredTokens.map((t) => t.purpose).sort()).toEqual(["PORTAL", "SIGN_IN", "SIGN_IN", "SIGN_IN"]);

    // ...and nothing in the whole outbox, sent or waiting, opens any valid token.
    const outbox = await db.emailOutbox.findMany({
      select: { state: true, html: true, text: true, sealedLinks: true, id: true },
    });
    const leaked = await liveTokensAmong(
      outbox.flatMap((e) => [...candidateSecrets(e.html), ...candidateSecrets(e.text)]),
    );
    expect(leaked).toEqual([]);
    for (const email of outbox.filter((e) => ours.some((o) => o.id === e.id)))
      expect(email).toMatchObject({ state: "SENT", sealedLinks: null });

    // The delivered sign-in link still works for its recipient.
    const signIn = delivered.find((m) => m.to.includes(companyAdmin.user.email))!;
    const secret = candidateSecrets(signIn.text).find((s) => s.length === 43)!;
    expect((await consumeSignInLink(secret, meta())).userId).toBe(companyAdmin.user.id);
  });
});
