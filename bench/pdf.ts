// npm run bench:pdf — how long the PDFs take and how much memory an evidence pack needs.
// A work order gets 50 distinct photographic JPEGs of 1920 × 1280 px, about 1 MB each
// (made once, kept in data/bench-photos), on defects, as the technician app stores them;
// another gets a typical service report (a procedure, a defect with 5 photos, two
// signatures). Prints BENCH pdf_service_report_ms (median of 5), pdf_evidence_pack_50_photos_ms,
// pdf_evidence_pack_peak_rss_mib and pdf_evidence_pack_rss_growth_mib (peak over the
// resident memory before the pack), the longest the pack held the event loop when made in
// this process, and, made as the job makes it (a process of its own), its time and the
// longest delay of this process's event loop meanwhile (pdf_evidence_pack_job_ms,
// pdf_evidence_pack_job_event_loop_max_delay_ms). Targets: under 1 s, under 10 s, growth
// under 300 MiB.
// Uses DATABASE_URL (its own database, fieldgate_bench_pdf) or the embedded test server.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import jpeg from "jpeg-js";
import { freshBenchDatabase } from "./fresh-database";

const PHOTOS = 50;
const PHOTO_DIR = path.join(process.cwd(), "data", "bench-photos");
const NOISE = Number(process.env.BENCH_NOISE ?? 36);
const QUALITY = Number(process.env.BENCH_QUALITY ?? 84);

// A photo-like image: smooth colour fields that differ per photo, with sensor-like noise,
// at JPEG quality 50: about 1 MB, and no two alike.
function photo(index: number): Buffer {
  const file = path.join(PHOTO_DIR, `photo-${index}.jpg`);
  if (existsSync(file)) return readFileSync(file);
  const width = 1920;
  const height = 1280;
  const data = Buffer.alloc(width * height * 4);
  // mulberry32: 32-bit integer steps, so the noise never degenerates.
  let seed = 7919 * (index + 1);
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const grain = () => (random() - 0.5) * NOISE;
      data[i] = 128 + 100 * Math.sin(x / (60 + index) + index) + grain();
      data[i + 1] = 128 + 90 * Math.cos(y / (50 + index * 2)) + grain();
      data[i + 2] = 128 + 80 * Math.sin((x + y) / (120 + index)) + grain();
      data[i + 3] = 255;
    }
  const bytes = Buffer.from(jpeg.encode({ data, width, height }, QUALITY).data);
  mkdirSync(PHOTO_DIR, { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

const server = await freshBenchDatabase("fieldgate_bench_pdf", {
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0",
  STORAGE_DRIVER: "local",
  STORAGE_DIR: mkdtempSync(path.join(tmpdir(), "fieldgate-bench-pdf-")),
});

const { db } = await import("../lib/db");
const { storage } = await import("../lib/storage/storage");
const { loadStaffActor } = await import("../lib/auth/actor");
const { serviceReportPdf } = await import("../lib/work-orders/service-report");
const { requestEvidencePack } = await import("../lib/evidence-packs/request-evidence-pack");
const { makeEvidencePack } = await import("../lib/evidence-packs/make-evidence-pack");
const { makeEvidencePackApart } = await import("../lib/evidence-packs/make-evidence-pack-apart");
const factories = await import("../prisma/factories");

const world = await factories.createWorld(db);
const staff = (await loadStaffActor(world.admin.id))!;
const signature =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><path d="M 10 50 C 50 10 100 90 150 50 L 290 50" fill="none" stroke="black" stroke-width="2"/></svg>';

async function workOrderWithPhotos(title: string, photos: number) {
  const workOrder = await factories.createWorkOrder(db, {
    organisationId: world.organisation.id,
    siteId: world.site.id,
    title,
  });
  const task = await factories.createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: world.company.id,
    status: "COMPLETED",
    technicianIds: [world.technician.person.id],
  });
  await factories.createServiceTasks(db, workOrder);
  const defect = await db.defect.create({
    data: {
      organisationId: world.organisation.id,
      assignmentId: task.id,
      severity: "HIGH",
      description: "Flue corroded",
    },
  });
  for (let i = 0; i < photos; i++) {
    const bytes = photo(i);
    const storageKey = `${world.organisation.id}/bench/${task.id}-${i}.jpg`;
    await storage().put(storageKey, bytes, "image/jpeg");
    await db.attachment.create({
      data: {
        organisationId: world.organisation.id,
        workOrderId: workOrder.id,
        assignmentId: task.id,
        defectId: defect.id,
        kind: "PHOTO",
        filename: `photo-${i}.jpg`,
        contentType: "image/jpeg",
        sizeBytes: bytes.byteLength,
        sha256: i.toString(16).padStart(64, "0"),
        storageKey,
      },
    });
  }
  for (const signerRole of ["TECHNICIAN", "ON_SITE_CLIENT"] as const)
    await db.signature.create({
      data: {
        organisationId: world.organisation.id,
        assignmentId: task.id,
        signerRole,
        signerName: "Terry Tech",
        imageSvg: signature,
      },
    });
  return workOrder;
}

const started = Date.now();
const typical = await workOrderWithPhotos("Boiler service", 5);
const large = await workOrderWithPhotos("Full refurbishment", PHOTOS);
const sizes = Array.from({ length: PHOTOS }, (_, i) => photo(i).byteLength);
console.log(
  `# ${PHOTOS} photos of 1920 × 1280 px, ${(sizes.reduce((a, b) => a + b, 0) / PHOTOS / 1e6).toFixed(2)} MB on average; set up in ${Date.now() - started} ms`,
);

const reportTimes: number[] = [];
await serviceReportPdf(staff, { workOrderId: typical.id }); // fonts are read once per process
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  await serviceReportPdf(staff, { workOrderId: typical.id });
  reportTimes.push(performance.now() - t);
}
reportTimes.sort((a, b) => a - b);

global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
// The longest the event loop was held while the pack was made in this process.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const pack = await requestEvidencePack(staff, { workOrderId: large.id });
const t = performance.now();
await makeEvidencePack(pack.id);
const packMs = performance.now() - t;
loopDelay.disable();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const made = await db.evidencePack.findUniqueOrThrow({ where: { id: pack.id } });
if (made.status !== "READY") throw new Error(`the pack was not made: ${made.error}`);
console.log(`# evidence pack: ${made.pages} pages, ${(made.sizeBytes! / 1e6).toFixed(1)} MB, SHA-256 ${made.sha256}`);

// As the job makes it: in a process of its own, this one's event loop only waiting.
const apartDelay = monitorEventLoopDelay({ resolution: 10 });
const second = await requestEvidencePack(staff, { workOrderId: large.id });
apartDelay.enable();
const apartStarted = performance.now();
await makeEvidencePackApart(second.id);
const apartMs = performance.now() - apartStarted;
apartDelay.disable();
const secondMade = await db.evidencePack.findUniqueOrThrow({ where: { id: second.id } });
if (secondMade.status !== "READY") throw new Error(`the pack was not made apart: ${secondMade.error}`);

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(`BENCH pdf_service_report_ms=${Math.round(reportTimes[2])}`);
console.log(`BENCH pdf_evidence_pack_50_photos_ms=${Math.round(packMs)}`);
console.log(`BENCH pdf_evidence_pack_peak_rss_mib=${mib(peak)}`);
console.log(`BENCH pdf_evidence_pack_rss_growth_mib=${mib(peak - baseline)}`);
console.log(`BENCH pdf_evidence_pack_in_process_event_loop_max_delay_ms=${Math.round(loopDelay.max / 1e6)}`);
console.log(`BENCH pdf_evidence_pack_job_ms=${Math.round(apartMs)}`);
console.log(`BENCH pdf_evidence_pack_job_event_loop_max_delay_ms=${Math.round(apartDelay.max / 1e6)}`);
await db.$disconnect();
await server.stop();
process.exit(0);
