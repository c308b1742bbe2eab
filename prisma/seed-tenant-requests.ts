import type { PrismaClient } from "../generated/prisma/client";

const QUESTIONS: Record<string, string[]> = {
  Plumbing: ["Is water coming through a ceiling or near electrics?"],
  Electrical: ["Is there a burning smell, smoke or sparking?"],
  HVAC: ["Is there no heating or hot water at all?"],
};

// The tenant side of the demo: the emergency number, a question per trade that makes a
// request urgent, and the forms' addresses (the first site's and the organisation's).
export async function seedTenantRequests(db: PrismaClient, org: { id: string }) {
  const organisation = await db.organisation.update({
    where: { id: org.id },
    data: { emergencyPhone: "0800 555 0199" },
    select: { tenantFormKey: true },
  });
  const categories = await db.category.findMany({
    where: { organisationId: org.id, name: { in: Object.keys(QUESTIONS) } },
  });
  for (const category of categories)
    await db.emergencyQuestion.createMany({
      data: QUESTIONS[category.name].map((question, position) => ({
        organisationId: org.id,
        categoryId: category.id,
        question,
        position,
      })),
    });
  const site = await db.site.findFirstOrThrow({ where: { organisationId: org.id }, orderBy: { name: "asc" } });
  return {
    siteName: site.name,
    siteForm: `/request/${site.tenantFormKey}`,
    organisationForm: `/request/${organisation.tenantFormKey}`,
  };
}
