import "server-only";
import { db } from "@/lib/db";

export type TRequestForm = {
  kind: "site" | "organisation";
  organisation: { id: string; name: string; timezone: string; emergencyPhone: string | null };
  site: { id: string; name: string; address: string; timezone: string } | null;
  zone: string;
  trades: { id: string; name: string; questions: { id: string; question: string }[] }[];
};

const FORM_KEY = /^[0-9a-f]{32}$/;

// A request form by its key: a site's (the site fixed) or the organisation's (the tenant
// types the address; the organisation's sites are never listed). Unknown keys: null.
export async function readRequestForm(formKey: string): Promise<TRequestForm | null> {
  if (!FORM_KEY.test(formKey)) return null;
  const organisationSelect = {
    id: true,
    name: true,
    timezone: true,
    emergencyPhone: true,
    categories: {
      orderBy: { name: "asc" as const },
      select: {
        id: true,
        name: true,
        emergencyQuestions: { orderBy: { position: "asc" as const }, select: { id: true, question: true } },
      },
    },
  };
  const [site, organisation] = await Promise.all([
    db.site.findUnique({
      where: { tenantFormKey: formKey },
      select: {
        id: true,
        name: true,
        addressLine1: true,
        city: true,
        postcode: true,
        timezone: true,
        organisation: { select: organisationSelect },
      },
    }),
    db.organisation.findUnique({ where: { tenantFormKey: formKey }, select: organisationSelect }),
  ]);
  const owner = site?.organisation ?? organisation;
  if (!owner) return null;
  const zone = site?.timezone ?? owner.timezone;
  return {
    kind: site ? "site" : "organisation",
    organisation: { id: owner.id, name: owner.name, timezone: owner.timezone, emergencyPhone: owner.emergencyPhone },
    site: site
      ? { id: site.id, name: site.name, address: `${site.addressLine1}, ${site.city} ${site.postcode}`, timezone: zone }
      : null,
    zone,
    trades: owner.categories.map((c) => ({ id: c.id, name: c.name, questions: c.emergencyQuestions })),
  };
}
