import { notFound, redirect } from "next/navigation";
import { getTechnicianTask } from "@/lib/assignments/list-technician-tasks";
import { requireTechActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// Links in emails name a task; the app shows it from the one cached page. Offline the
// service worker answers this address with that page, which reads the id from it.
export default async function TechTaskLink({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireTechActor(`/tech/tasks/${id}`);
  await getTechnicianTask(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  redirect(`/tech#/task/${id}`);
}
