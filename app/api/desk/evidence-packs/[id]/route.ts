import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { readEvidencePack } from "@/lib/evidence-packs/read-evidence-pack";
import { ZIdSchema } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";

export const dynamic = "force-dynamic";

export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed pack id");
  const pack = await readEvidencePack(actor, params.id);
  return pdfResponse(pack.bytes, `evidence-pack-${pack.number}-${pack.madeAt.toISOString().slice(0, 10)}.pdf`);
});
