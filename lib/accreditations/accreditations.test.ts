import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { readAttachment } from "@/lib/attachments/list-attachments";
import { loadDeskActor, loadStaffActor, loadTechActor } from "@/lib/auth/actor";
import { listNetwork } from "@/lib/contractors/list-network";
import { listNetworkContractors } from "@/lib/contractors/list-network-contractors";
import { db } from "@/lib/db";
import { storage } from "@/lib/storage/storage";
import {
  createContractorPerson,
  createOrganisation,
  createStaffUser,
  createTrade,
  createWorld,
} from "@/prisma/factories";
import { EXE_BYTES, PDF_BYTES, PNG_BYTES } from "@/tests/sample-files";
import { addAccreditation } from "./add-accreditation";
import { listAccreditationAlerts } from "./list-accreditation-alerts";
import { listCompanyAccreditations } from "./list-company-accreditations";
import { removeAccreditation } from "./remove-accreditation";
import { renewAccreditation } from "./renew-accreditation";
import { ZAddAccreditationSchema, ZRenewAccreditationSchema } from "./schemas";

const file = (name: string, bytes: Uint8Array = PDF_BYTES) => new File([new Uint8Array(bytes)], name);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => e.code ?? String(e),
  );
const storedFiles = (companyId: string) =>
  readdir(path.resolve(process.env.STORAGE_DIR!, "contractors", companyId)).catch(() => [] as string[]);

// A contractor company (admin, office, technician) in one organisation's network, with a
// second organisation and a second company that must see none of it.
async function setup() {
  const world = await createWorld(db);
  const other = await createWorld(db);
  const admin = await createContractorPerson(db, world.company.id, "ADMIN");
  const otherAdmin = await createContractorPerson(db, other.company.id, "ADMIN");
  return {
    world,
    other,
    admin: (await loadDeskActor(admin.user.id))!,
    office: (await loadDeskActor(world.office.user.id))!,
    technician: (await loadTechActor(world.technician.user.id))!,
    staff: (await loadStaffActor(world.admin.id))!,
    otherStaff: (await loadStaffActor(other.admin.id))!,
    otherAdmin: (await loadDeskActor(otherAdmin.user.id))!,
    otherTechnician: (await loadTechActor(other.technician.user.id))!,
  };
}

const gasSafe = (companyId: string, extra: Partial<Parameters<typeof addAccreditation>[1]> = {}) => ({
  companyId,
  type: "Gas Safe registration",
  reference: "GS-123456",
  holderId: null,
  issuedAt: day("2025-01-10"),
  expiresAt: day("2026-01-10"),
  file: file("gas-safe.pdf"),
  ...extra,
});

describe("accreditations", () => {
  it("an admin adds a technician's accreditation with its certificate; staff of the client see it and can download the certificate", async () => {
    const s = await setup();
    const added = await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { holderId: s.world.technician.person.id, expiresAt: day("2099-01-10") }),
    );
    const document = await db.attachment.findUniqueOrThrow({ where: { id: added.documentId! } });
    expect(document).toMatchObject({
      kind: "ACCREDITATION",
      contractorCompanyId: s.world.company.id,
      organisationId: null,
      contentType: "application/pdf",
      filename: "gas-safe.pdf",
    });
    expect(Buffer.from(await storage().get(document.storageKey)).equals(Buffer.from(PDF_BYTES))).toBe(true);

    const [company] = await listCompanyAccreditations(s.admin);
    expect(company.accreditations).toEqual([
      expect.objectContaining({
        type: "Gas Safe registration",
        reference: "GS-123456",
        standing: "valid",
        person: { id: s.world.technician.person.id, user: expect.any(Object) },
        history: [],
      }),
    ]);
    const networked = (await listNetwork(s.staff)).find((c) => c.id === s.world.company.id)!;
    expect(networked.accreditations).toEqual([
      expect.objectContaining({ type: "Gas Safe registration", documentId: document.id, expiresAt: day("2099-01-10") }),
    ]);
  });

  it("shows each accreditation as valid, expiring within 30 days or expired, company-wide ones first", async () => {
    const s = await setup();
    const now = new Date();
    const inDays = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n));
    await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, {
        type: "NICEIC",
        holderId: s.world.technician.person.id,
        issuedAt: inDays(-400),
        expiresAt: inDays(200),
      }),
    );
    await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, {
        type: "Public liability insurance",
        issuedAt: inDays(-300),
        expiresAt: inDays(20),
        file: file("policy.png", PNG_BYTES),
      }),
    );
    await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { type: "Asbestos awareness", issuedAt: inDays(-400), expiresAt: inDays(-5) }),
    );
    const [company] = await listCompanyAccreditations(s.office, now);
    expect(company.canManage).toBe(false);
    expect(company.accreditations.map((a) => [a.type, a.standing])).toEqual([
      ["Asbestos awareness", "expired"],
      ["Public liability insurance", "expiring"],
      ["NICEIC", "valid"],
    ]);
  });

  it("the Desk home warns of current accreditations expired or expiring within 30 days, soonest first, and of no other company's", async () => {
    const s = await setup();
    const now = day("2026-12-06");
    await addAccreditation(s.admin, gasSafe(s.world.company.id, { type: "NICEIC", expiresAt: day("2027-06-01") }));
    await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { type: "Public liability insurance", expiresAt: day("2026-12-20") }),
    );
    const lapsed = await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { holderId: s.world.technician.person.id, expiresAt: day("2026-12-01") }),
    );
    const renewed = await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { type: "Asbestos awareness", expiresAt: day("2026-11-01") }),
    );
    await renewAccreditation(s.admin, {
      accreditationId: renewed.id,
      reference: null,
      issuedAt: day("2026-11-01"),
      expiresAt: day("2027-11-01"),
      file: file("asbestos-2026.pdf"),
    });
    await addAccreditation(s.otherAdmin, gasSafe(s.other.company.id, { expiresAt: day("2026-12-02") }));

    const { alerts, total } = await listAccreditationAlerts(s.office, now);
    expect(total).toBe(2);
    expect(alerts.map((a) => [a.type, a.person, a.standing, a.expiresAt])).toEqual([
      ["Gas Safe registration", s.world.technician.user.name, "expired", day("2026-12-01")],
      ["Public liability insurance", null, "expiring", day("2026-12-20")],
    ]);

    // A person who has left no longer holds the company back.
    await db.contractorPerson.update({ where: { id: s.world.technician.person.id }, data: { active: false } });
    expect((await listAccreditationAlerts(s.office, now)).alerts.map((a) => a.id)).not.toContain(lapsed.id);
  });

  it("a renewal supersedes the current accreditation and keeps the old one with its certificate as history", async () => {
    const s = await setup();
    const first = await addAccreditation(s.admin, gasSafe(s.world.company.id));
    const renewal = await renewAccreditation(s.admin, {
      accreditationId: first.id,
      reference: null,
      issuedAt: day("2026-01-05"),
      expiresAt: day("2027-01-10"),
      file: file("gas-safe-2026.pdf"),
    });
    expect(renewal).toMatchObject({
      type: "Gas Safe registration",
      reference: "GS-123456",
      personId: null,
      expiresAt: day("2027-01-10"),
    });
    expect((await db.accreditation.findUniqueOrThrow({ where: { id: first.id } })).renewedById).toBe(renewal.id);

    const [company] = await listCompanyAccreditations(s.admin, day("2026-06-01"));
    expect(company.accreditations.map((a) => a.id)).toEqual([renewal.id]);
    expect(company.accreditations[0].history.map((h) => [h.id, h.expiresAt, h.document?.filename])).toEqual([
      [first.id, day("2026-01-10"), "gas-safe.pdf"],
    ]);
    // The old certificate stays readable as history; clients see only the current expiry.
    expect(await readAttachment(s.staff, first.documentId!)).not.toBeNull();
    const networked = (await listNetwork(s.staff)).find((c) => c.id === s.world.company.id)!;
    expect(networked.accreditations.map((a) => [a.id, a.expiresAt])).toEqual([[renewal.id, day("2027-01-10")]]);

    // Only the current one can be renewed, and only to a later expiry.
    expect(
      await codeOf(
        renewAccreditation(s.admin, {
          accreditationId: first.id,
          reference: null,
          issuedAt: day("2026-01-05"),
          expiresAt: day("2028-01-10"),
          file: file("x.pdf"),
        }),
      ),
    ).toBe("CONFLICT");
    await expect(
      renewAccreditation(s.admin, {
        accreditationId: renewal.id,
        reference: "GS-NEW",
        issuedAt: day("2026-01-05"),
        expiresAt: day("2026-12-01"),
        file: file("x.pdf"),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { expiresAt: ["The new expiry date must be after the current one (10 Jan 2027)"] },
    });
    expect(await db.accreditation.count({ where: { contractorCompanyId: s.world.company.id } })).toBe(2);
    expect(await db.attachment.count({ where: { contractorCompanyId: s.world.company.id } })).toBe(2);
    expect(await storedFiles(s.world.company.id)).toHaveLength(2);
  });

  it("removing an accreditation removes its history and certificates, rows and files", async () => {
    const s = await setup();
    const first = await addAccreditation(s.admin, gasSafe(s.world.company.id));
    const renewal = await renewAccreditation(s.admin, {
      accreditationId: first.id,
      reference: null,
      issuedAt: day("2026-01-05"),
      expiresAt: day("2027-01-10"),
      file: file("renewed.pdf"),
    });
    const kept = await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { type: "Public liability insurance", expiresAt: day("2099-01-01") }),
    );
    const keys = (
      await db.attachment.findMany({ where: { id: { in: [first.documentId!, renewal.documentId!] } } })
    ).map((a) => a.storageKey);

    expect(await codeOf(removeAccreditation(s.admin, { accreditationId: first.id }))).toBe("NOT_FOUND");
    await removeAccreditation(s.admin, { accreditationId: renewal.id });
    expect(
      (await db.accreditation.findMany({ where: { contractorCompanyId: s.world.company.id } })).map((a) => a.id),
    ).toEqual([kept.id]);
    expect(
      (await db.attachment.findMany({ where: { contractorCompanyId: s.world.company.id } })).map((a) => a.id),
    ).toEqual([kept.documentId]);
    for (const key of keys) await expect(storage().get(key)).rejects.toThrow();
    expect(await storedFiles(s.world.company.id)).toHaveLength(1);
    expect(await codeOf(removeAccreditation(s.admin, { accreditationId: renewal.id }))).toBe("NOT_FOUND");
    // Removed means gone for dispatch too: the type now reads as missing, not expired.
    const gas = await createTrade(db, s.world.organisation.id, { requires: ["Gas Safe registration"] });
    const flagged = (await listNetworkContractors(s.staff, gas.id)).find((c) => c.id === s.world.company.id)!;
    expect(flagged.compliance).toEqual({
      allowed: false,
      problems: [{ document: "Gas Safe registration", problem: "missing" }],
    });
  });

  it("refused input changes nothing: wrong file kinds, a holder from another company, dates out of order", async () => {
    const s = await setup();
    const companyId = s.world.company.id;
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => "accepted",
        (e) => e.fieldErrors ?? e.code,
      );
    expect(
      await refusal(addAccreditation(s.admin, gasSafe(companyId, { file: file("policy.pdf", EXE_BYTES) }))),
    ).toEqual({ file: [expect.stringMatching(/^Upload a PDF/)] });
    expect(
      await refusal(
        addAccreditation(
          s.admin,
          gasSafe(companyId, { file: file("policy.csv", new TextEncoder().encode("a,b\n1,2\n")) }),
        ),
      ),
    ).toEqual({
      file: ["Upload the certificate as a PDF or a photo (JPEG, PNG, WebP, HEIC)"],
    });
    expect(
      await refusal(addAccreditation(s.admin, gasSafe(companyId, { holderId: s.other.technician.person.id }))),
    ).toEqual({ holderId: ["Choose one of the company's people"] });
    expect(await db.accreditation.count({ where: { contractorCompanyId: companyId } })).toBe(0);
    expect(await db.attachment.count({ where: { contractorCompanyId: companyId } })).toBe(0);
    expect(await storedFiles(companyId)).toEqual([]);

    const form = (fields: Record<string, string | File>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    const fieldErrors = (schema: typeof ZAddAccreditationSchema | typeof ZRenewAccreditationSchema, data: FormData) => {
      try {
        parseInput(schema, data);
        return "accepted";
      } catch (error) {
        return (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
      }
    };
    const valid = {
      companyId,
      type: "Gas Safe registration",
      reference: "",
      holderId: "",
      issuedAt: "2025-01-10",
      expiresAt: "2026-01-10",
      file: file("gas.pdf"),
    };
    expect(fieldErrors(ZAddAccreditationSchema, form(valid))).toBe("accepted");
    expect(parseInput(ZAddAccreditationSchema, form(valid))).toMatchObject({
      reference: null,
      holderId: null,
      issuedAt: day("2025-01-10"),
      expiresAt: day("2026-01-10"),
    });
    expect(fieldErrors(ZAddAccreditationSchema, form({ ...valid, expiresAt: "2025-01-10" }))).toEqual({
      expiresAt: ["The expiry date must be after the issue date"],
    });
    expect(fieldErrors(ZAddAccreditationSchema, form({ ...valid, expiresAt: "", type: "" }))).toEqual({
      type: ["Enter what it is, e.g. Gas Safe registration"],
      expiresAt: ["Enter the expiry date"],
    });
    expect(
      fieldErrors(ZAddAccreditationSchema, form({ ...valid, issuedAt: "2998-01-01", expiresAt: "2999-01-01" })),
    ).toEqual({ issuedAt: ["The issue date cannot be in the future"] });
    expect(fieldErrors(ZAddAccreditationSchema, form({ ...valid, expiresAt: "10/01/2026" }))).toEqual({
      expiresAt: ["Enter a real date between 1900 and 2999, like 2027-06-30"],
    });
    const { file: _file, ...withoutFile } = valid;
    expect(fieldErrors(ZAddAccreditationSchema, form(withoutFile))).toEqual({
      file: ["Attach the certificate (PDF or photo)"],
    });
    expect(
      fieldErrors(
        ZRenewAccreditationSchema,
        form({ accreditationId: "not-an-id", issuedAt: "2026-01-01", expiresAt: "2025-01-01", file: file("x.pdf") }),
      ),
    ).toMatchObject({
      accreditationId: ["Malformed identifier"],
    });
  });

  it("office people, technicians and other companies cannot change accreditations; others cannot see them", async () => {
    const s = await setup();
    const mine = await addAccreditation(s.admin, gasSafe(s.world.company.id));
    const renew = {
      accreditationId: mine.id,
      reference: null,
      issuedAt: day("2026-01-01"),
      expiresAt: day("2030-01-01"),
      file: file("x.pdf"),
    };

    expect(await codeOf(addAccreditation(s.office, gasSafe(s.world.company.id)))).toBe("FORBIDDEN");
    expect(await codeOf(renewAccreditation(s.office, renew))).toBe("NOT_FOUND");
    expect(await codeOf(removeAccreditation(s.office, { accreditationId: mine.id }))).toBe("NOT_FOUND");
    // Technicians have no Desk at all, so no Desk action reaches them.
    expect(await loadDeskActor(s.world.technician.user.id)).toBeNull();
    expect(await codeOf(addAccreditation(s.otherAdmin, gasSafe(s.world.company.id)))).toBe("FORBIDDEN");
    expect(await codeOf(renewAccreditation(s.otherAdmin, renew))).toBe("NOT_FOUND");
    expect(await codeOf(removeAccreditation(s.otherAdmin, { accreditationId: mine.id }))).toBe("NOT_FOUND");
    expect((await listCompanyAccreditations(s.otherAdmin)).map((c) => c.id)).toEqual([s.other.company.id]);
    expect((await listNetwork(s.otherStaff)).map((c) => c.id)).not.toContain(s.world.company.id);

    expect(await db.accreditation.findMany({ where: { contractorCompanyId: s.world.company.id } })).toEqual([mine]);
    expect(await db.attachment.count({ where: { contractorCompanyId: s.world.company.id } })).toBe(1);
  });

  it("a certificate is readable by the company's active office people and networked staff, a technician's by that technician, and by nobody else", async () => {
    const s = await setup();
    const { documentId } = await addAccreditation(s.admin, gasSafe(s.world.company.id));
    // A second client that also works with the company may read it too.
    const secondClient = await createOrganisation(db);
    await db.networkLink.create({
      data: { organisationId: secondClient.id, contractorCompanyId: s.world.company.id, status: "INVITED" },
    });
    const secondStaff = (await loadStaffActor((await createStaffUser(db, secondClient.id, "COORDINATOR")).id))!;
    const coordinator = (await loadStaffActor(s.world.coordinator.id))!;

    for (const reader of [s.admin, s.office, s.staff, coordinator, secondStaff]) {
      expect(await readAttachment(reader, documentId!), reader.kind).toMatchObject({ id: documentId });
    }
    // Technicians reach only their own certificates, not the company's.
    for (const outsider of [s.technician, s.otherStaff, s.otherAdmin, s.otherTechnician]) {
      expect(await readAttachment(outsider, documentId!), outsider.kind).toBeNull();
    }
    const own = await addAccreditation(
      s.admin,
      gasSafe(s.world.company.id, { holderId: s.world.technician.person.id, file: file("own-card.pdf") }),
    );
    expect(await readAttachment(s.technician, own.documentId!)).toMatchObject({ id: own.documentId });
    // A person deactivated in the company has no actor left to read with.
    await db.contractorPerson.update({ where: { id: s.world.technician.person.id }, data: { active: false } });
    expect(await loadTechActor(s.world.technician.user.id)).toBeNull();
    // And a stale actor of theirs no longer matches the scope either.
    expect(await readAttachment(s.technician, own.documentId!)).toBeNull();
  });
});
