import { TechApp } from "@/components/tech/tech-app";
import { requireTechActor } from "@/lib/auth/session";

// The page holds no task data: the app reads it from the phone, so the same page, cached
// by the service worker, opens with no network.
export default async function TechPage() {
  const actor = await requireTechActor("/tech");
  return <TechApp userId={actor.userId} userName={actor.name} />;
}
