import { redirect } from "next/navigation";
import { requireTechActor } from "@/lib/auth/session";
import { isId } from "@/lib/ids";

// Links in emails name a task; the app shows it from the one cached page.
export default async function TechTaskLink({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireTechActor(`/tech/tasks/${id}`);
  redirect(isId(id) ? `/tech#/task/${id}` : "/tech");
}
