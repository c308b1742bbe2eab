// node --conditions=react-server --import tsx scripts/make-evidence-pack.ts <packId>
// Makes one evidence pack in a process of its own (lib/evidence-packs/make-evidence-pack-apart.ts
// starts it from the job). Exits 0 when the pack is made or was made already, 1 when it failed
// (the pack is then marked FAILED with the reason).
import { db } from "../lib/db";
import { makeEvidencePack } from "../lib/evidence-packs/make-evidence-pack";

const packId = process.argv[2];
if (!packId) {
  console.error("Usage: scripts/make-evidence-pack.ts <packId>");
  process.exit(2);
}
try {
  await makeEvidencePack(packId);
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`[evidence-pack] ${packId}: ${(error as Error).message}`);
  await db.$disconnect().catch(() => undefined);
  process.exit(1);
}
