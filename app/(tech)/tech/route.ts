import { requireTechActor } from "@/lib/auth/session";
import { readTechBundle } from "@/lib/tech-app/bundle";
import { techShellDocument } from "@/lib/tech-app/shell-document";

// The technician app's page. Not a Next.js page: the app is its own bundle (see
// scripts/build-tech-app.ts). Anyone but a signed-in technician is sent to sign in.
export async function GET() {
  const actor = await requireTechActor("/tech");
  const html = techShellDocument(await readTechBundle(), { userId: actor.userId, userName: actor.name });
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" },
  });
}
