import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/secrets";
import { requestSignInLink } from "@/lib/auth/sign-in-links";
import { decideMailboxAccess, type TMailboxAccess } from "@/lib/authz/mailbox";
import { inviteContractor } from "@/lib/contractors/invite-contractor";
import { db } from "@/lib/db";
import { createOrganisation, createStaffUser } from "@/prisma/factories";
import { deliverOutbox } from "./deliver-outbox";
import { listMailbox, readMailboxEmail } from "./list-mailbox";
import { mailboxTransport } from "./transport";

const meta = () => ({
  ip: `10.92.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  userAgent: "vitest",
});

async function twoOrganisations() {
  const orgA = await createOrganisation(db);
  const orgB = await createOrganisation(db);
  const adminA = (await loadStaffActor((await createStaffUser(db, orgA.id, "ADMIN")).id))!;
  const coordinatorA = (await loadStaffActor((await createStaffUser(db, orgA.id, "COORDINATOR")).id))!;
  const adminB = (await loadStaffActor((await createStaffUser(db, orgB.id, "ADMIN")).id))!;
  return { orgA, orgB, adminA, coordinatorA, adminB };
}

const secretsIn = (text: string) => [...text.matchAll(/\/(?:link|l)\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);

describe("who reads the mailbox", () => {
  it("nobody once an email provider is configured; everyone in demo mode; otherwise an organisation's admins only", async () => {
    const { adminA, coordinatorA } = await twoOrganisations();
    expect(decideMailboxAccess({ providerConfigured: true, demoMode: true, staff: adminA })).toBeNull();
    expect(decideMailboxAccess({ providerConfigured: true, demoMode: false, staff: adminA })).toBeNull();
    expect(decideMailboxAccess({ providerConfigured: false, demoMode: true, staff: null })).toEqual({
      kind: "everything",
      links: "usable",
    });
    expect(decideMailboxAccess({ providerConfigured: false, demoMode: false, staff: adminA })).toEqual({
      kind: "organisation",
      organisationId: adminA.organisationId,
      links: "hidden",
    });
    expect(decideMailboxAccess({ providerConfigured: false, demoMode: false, staff: coordinatorA })).toBeNull();
    expect(decideMailboxAccess({ providerConfigured: false, demoMode: false, staff: null })).toBeNull();
  });
});

describe("the mailbox outside demo mode", () => {
  it("shows an admin only their organisation's email, never another organisation's admin's sign-in link, and hides every link", async () => {
    const { adminA, adminB } = await twoOrganisations();
    const suffix = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await requestSignInLink({ email: adminB.email }, meta());
    await inviteContractor(adminA, {
      companyName: `Co A ${suffix}`,
      adminName: "Ann A",
      adminEmail: `ann-${suffix}@example.test`,
    });
    await inviteContractor(adminB, {
      companyName: `Co B ${suffix}`,
      adminName: "Bob B",
      adminEmail: `bob-${suffix}@example.test`,
    });
    const access = decideMailboxAccess({ providerConfigured: false, demoMode: false, staff: adminA })!;

    const listed = await listMailbox(access, { take: 1000 });
    expect(listed.map((e) => e.to)).toContain(`ann-${suffix}@example.test`);
    expect(listed.map((e) => e.to)).not.toContain(`bob-${suffix}@example.test`);
    expect(listed.map((e) => e.to)).not.toContain(adminB.email);
    expect(await listMailbox(access, { to: adminB.email })).toEqual([]);

    const theirs = await db.emailOutbox.findFirstOrThrow({ where: { to: adminB.email } });
    expect(await readMailboxEmail(access, theirs.id)).toBeNull();

    const mine = listed.find((e) => e.to === `ann-${suffix}@example.test`)!;
    await deliverOutbox(db, { transport: mailboxTransport, ids: [mine.id], keepMailboxLinks: false });
    const shown = (await readMailboxEmail(access, mine.id))!;
    expect(shown.subject).toContain(`Co A ${suffix}`);
    expect(shown.text.filter((s) => s.kind === "hidden-link")).toEqual([
      { kind: "hidden-link", reason: "link hidden: only the recipient can use it" },
    ]);
    expect(shown.text.filter((s) => s.kind === "link")).toEqual([]);
    expect(secretsIn(shown.html)).toEqual([]);
    expect(shown.html).toContain("/link/hidden");
  });
});

describe("the demo mailbox", () => {
  it("shows every email with links that work until used or expired", async () => {
    const { adminB } = await twoOrganisations();
    await requestSignInLink({ email: adminB.email }, meta());
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: adminB.email } });
    await deliverOutbox(db, { transport: mailboxTransport, ids: [email.id], keepMailboxLinks: true });
    const demo: TMailboxAccess = { kind: "everything", links: "usable" };
    expect((await listMailbox(demo, { to: adminB.email })).map((e) => e.id)).toEqual([email.id]);

    const shown = (await readMailboxEmail(demo, email.id))!;
    const links = shown.text.filter((s) => s.kind === "link");
    expect(links).toHaveLength(1);
    const [secret] = secretsIn(links[0].kind === "link" ? links[0].href : "");
    expect(secretsIn(shown.html)).toEqual([secret, secret]);
    const token = await db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(secret) } });
    expect(token.userId).toBe(adminB.userId);

    await db.accessToken.update({ where: { id: token.id }, data: { usedAt: new Date() } });
    expect((await readMailboxEmail(demo, email.id))!.text.filter((s) => s.kind !== "text")).toEqual([
      { kind: "hidden-link", reason: "link already used" },
    ]);
    await db.accessToken.update({
      where: { id: token.id },
      data: { usedAt: null, expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await readMailboxEmail(demo, email.id))!.text.filter((s) => s.kind !== "text")).toEqual([
      { kind: "hidden-link", reason: "link expired" },
    ]);
  });
});
