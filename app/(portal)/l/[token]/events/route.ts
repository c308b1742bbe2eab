import { withPortalLink } from "@/lib/actions/route";
import { streamWorkOrderChanges } from "@/lib/realtime/stream-work-order-changes";

export const dynamic = "force-dynamic";

// Server-sent events for a customer's progress link: the page refreshes when its work
// order changes. The token is checked like the page's; the stream says only "changed".
export const GET = withPortalLink("progress.read", "PORTAL_STREAMED", async (actor, request) =>
  streamWorkOrderChanges(actor.workOrderId, request.signal, { withTypes: false }),
);
