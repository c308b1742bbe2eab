import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { photoReader } from "@/lib/attachments/photo-reader";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { storage } from "@/lib/storage/storage";
import { collectEvidence } from "./collect-evidence";
import { writeEvidencePack } from "./render-evidence-pack";

// The job that makes a pack: the evidence read as the person who asked for it (their
// access now, not the job's), written page by page to a file while its SHA-256 is taken,
// then stored and recorded. Safe to run twice: a pack already made is left alone.
export async function makeEvidencePack(packId: string, now = new Date()) {
  const pack = await db.evidencePack.findUnique({ where: { id: packId } });
  if (!pack || pack.status !== "PREPARING") return;
  const actor = pack.contractorCompanyId
    ? await loadDeskActor(pack.requestedById)
    : await loadStaffActor(pack.requestedById);
  if (!actor) {
    await db.evidencePack.update({
      where: { id: pack.id },
      data: { status: "FAILED", error: "The person who asked for it can no longer sign in." },
    });
    return;
  }
  const file = path.join(tmpdir(), `fieldgate-pack-${randomUUID()}.pdf`);
  try {
    const evidence = await collectEvidence(
      actor,
      actor.kind === "staff" ? { workOrderId: pack.workOrderId } : { assignmentId: pack.assignmentId! },
    );
    const pdf = await writeEvidencePack(evidence, photoReader(actor), now, `${env.APP_URL}/verify`);
    const hash = createHash("sha256");
    let sizeBytes = 0;
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file);
      pdf.doc.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        sizeBytes += chunk.length;
      });
      pdf.doc.on("error", reject);
      out.on("error", reject);
      out.on("finish", resolve);
      pdf.doc.pipe(out);
      pdf.doc.end();
    });
    const storageKey = `${pack.organisationId}/evidence-packs/${pack.id}.pdf`;
    await storage().put(storageKey, await readFile(file), "application/pdf");
    await db.evidencePack.update({
      where: { id: pack.id },
      data: {
        status: "READY",
        storageKey,
        sha256: hash.digest("hex"),
        sizeBytes,
        pages: pdf.pages,
        completedAt: new Date(),
      },
    });
  } catch (error) {
    await db.evidencePack.update({
      where: { id: pack.id },
      data: { status: "FAILED", error: (error as Error).message.slice(0, 500) },
    });
    throw error;
  } finally {
    await rm(file, { force: true });
  }
}
