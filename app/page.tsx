import { redirect } from "next/navigation";
import { homeForUser } from "@/lib/auth/home-for-user";
import { sessionUserId } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const userId = await sessionUserId();
  redirect(userId ? await homeForUser(userId) : "/signin");
}
