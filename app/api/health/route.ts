import { withoutSignIn } from "@/lib/actions/route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = withoutSignIn(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
});
