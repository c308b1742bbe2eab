import "server-only";
import { db } from "@/lib/db";

// Every way in (a link, a password, a demo persona) records when the person last signed
// in: the contractor network and the company's people pages show it.
export async function recordSignIn(userId: string, at = new Date()) {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: at } });
}
