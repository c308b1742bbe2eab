import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { renderRequestPoster } from "@/lib/tenant-requests/render-request-poster";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "site.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed site id");
  return pdfResponse(await renderRequestPoster(actor, params.id), "repair-request-poster.pdf");
});
