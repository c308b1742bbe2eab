"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { ZFile } from "@/lib/attachments/schemas";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { verifyEvidencePack } from "@/lib/evidence-packs/verify-evidence-pack";
import { formatMoment } from "@/lib/time/zones";

export const verifyEvidencePackAction = publicAction(z.object({ file: ZFile }), async (input) => {
  const result = await verifyEvidencePack(
    new Uint8Array(await input.file.arrayBuffer()),
    (await currentRequestMeta()).ip,
  );
  return result.verified
    ? {
        verified: true,
        sha256: result.sha256,
        workOrderNumber: result.workOrderNumber,
        madeAt: formatMoment(result.madeAt, "UTC"),
      }
    : { verified: false, sha256: result.sha256 };
});
