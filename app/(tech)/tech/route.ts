import { withActor } from "@/lib/actions/route";
import { env } from "@/lib/env";
import { readTechBundle } from "@/lib/tech-app/bundle";
import { techShellDocument } from "@/lib/tech-app/shell-document";

// The technician app's page. Not a Next.js page: the app is its own bundle (see
// scripts/build-tech-app.ts). Anyone but a signed-in technician is sent to sign in.
export const GET = withActor(
  "tech",
  "task.work",
  async (actor) => {
    const bundle = await readTechBundle(env.NODE_ENV === "production" ? "production" : "development");
    return new Response(techShellDocument(bundle, { userId: actor.userId, userName: actor.name }), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      },
    });
  },
  { page: true },
);
