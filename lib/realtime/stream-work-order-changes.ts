import "server-only";
import { subscribeToWorkOrder } from "./subscribe";

const HEARTBEAT_MS = 25_000;

// An event stream of one work order's changes, ended when the browser goes away. A
// "status" event says whether this instance hears changes at all (its database listener
// may be reconnecting).
// `withTypes: false` (a customer's stream) says only that something changed, not what.
export async function streamWorkOrderChanges(
  workOrderId: string,
  signal: AbortSignal,
  { withTypes = true }: { withTypes?: boolean } = {},
): Promise<Response> {
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const status = (live: boolean) => send(`event: status\ndata: ${JSON.stringify({ live })}\n\n`);
      const subscription = subscribeToWorkOrder(
        workOrderId,
        (change) => send(`event: change\ndata: ${JSON.stringify(withTypes ? { type: change.type } : {})}\n\n`),
        status,
      );
      const unsubscribe = subscription.unsubscribe;
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", () => cleanup());
      send("retry: 3000\n: connected\n\n");
      status(subscription.live);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
