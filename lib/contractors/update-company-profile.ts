import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { assertDeskCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { ZCompanyProfileSchema } from "./schemas";

// A company admin keeps the company's name and contact details current; every client's
// staff see them on their contractor network page.
export async function updateCompanyProfile(actor: TDeskActor, input: z.infer<typeof ZCompanyProfileSchema>) {
  assertDeskCan(actor, "company.manage", input.companyId);
  return db.contractorCompany.update({
    where: { id: input.companyId },
    data: {
      name: input.name,
      email: input.email,
      phone: input.phone,
      address: input.address,
      techniciansSeeMessages: input.techniciansSeeMessages,
    },
  });
}
