import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordSignIn } from "./record-sign-in";

// Demo mode lets a newcomer sign in as each seeded persona with one click. It is on only
// when the demo data is present (or DEMO_MODE=on), never for real accounts.
export async function isDemoMode(): Promise<boolean> {
  if (env.DEMO_MODE === "off") return false;
  if (env.DEMO_MODE === "on") return true;
  return (await db.user.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
}

export type TDemoPersona = { userId: string; name: string; email: string; label: string; home: string };

export async function listDemoPersonas(): Promise<TDemoPersona[]> {
  if (!(await isDemoMode())) return [];
  const users = await db.user.findMany({
    where: { isDemo: true, deactivatedAt: null },
    include: {
      memberships: { include: { organisation: true } },
      contractorPersons: { include: { contractorCompany: true } },
    },
    orderBy: { email: "asc" },
  });
  const personas = users.map((user) => {
    const membership = user.memberships[0];
    const person = user.contractorPersons[0];
    if (membership) {
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        label: `Client ${membership.role.toLowerCase()} · ${membership.organisation.name}`,
        home: "/staff",
      };
    }
    const isTech = person?.role === "TECHNICIAN";
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      label: `${isTech ? "Technician" : `Contractor ${person?.role.toLowerCase()}`} · ${person?.contractorCompany.name ?? ""}`,
      home: isTech ? "/tech" : "/desk",
    };
  });
  const rank = (home: string) => ["/staff", "/desk", "/tech"].indexOf(home);
  return personas.sort((a, b) => rank(a.home) - rank(b.home) || a.label.localeCompare(b.label));
}

export async function authenticateDemoPersona(userId: unknown): Promise<{ userId: string } | null> {
  if (typeof userId !== "string" || !(await isDemoMode())) return null;
  const user = await db.user.findFirst({ where: { id: userId, isDemo: true, deactivatedAt: null } });
  if (!user) return null;
  await recordSignIn(user.id);
  return { userId: user.id };
}
