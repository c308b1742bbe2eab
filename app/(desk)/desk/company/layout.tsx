import Link from "next/link";
import type { ReactNode } from "react";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";

// People are managed by admins only; office people see the profile and accreditations.
export default async function CompanyLayout({ children }: { children: ReactNode }) {
  const actor = await requireDeskActor("/desk/company");
  const links = [
    ...(deskCan(actor, "company.manage") ? [{ href: "/desk/company", label: "People" }] : []),
    { href: "/desk/company/profile", label: "Profile" },
    { href: "/desk/company/accreditations", label: "Accreditations" },
    ...(deskCan(actor, "rates.read") ? [{ href: "/desk/company/rates", label: "Rate cards" }] : []),
  ];
  return (
    <>
      <div className="page-header">
        <nav aria-label="Company" className="actions">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="button button-secondary">
              {link.label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </>
  );
}
