import { describe, expect, it } from "vitest";
import { ZInviteContractorSchema, ZCompanyProfileSchema } from "@/lib/contractors/schemas";
import { ZAddPersonSchema } from "@/lib/people/schemas";
import { ZSendPortalLinkSchema } from "@/lib/portal/schemas";
import { ZEmailSchema } from "./email-address";

// Every form that takes an email address takes at most 254 characters (a 10,007-character
// address was accepted by the portal link form).
const huge = `${"a".repeat(10_000)}@x.test`;
const id = "c".repeat(25);

describe("email addresses in forms", () => {
  it("refuses an address longer than 254 characters with its reason, in every form that takes one", () => {
    const forms = [
      ZEmailSchema.safeParse(huge),
      ZSendPortalLinkSchema.safeParse({ workOrderId: id, email: huge }),
      ZAddPersonSchema.safeParse({ companyId: id, name: "Ann", email: huge, role: "OFFICE" }),
      ZCompanyProfileSchema.safeParse({ companyId: id, name: "Acme", email: huge }),
      ZInviteContractorSchema.safeParse({ companyName: "Acme", adminName: "Ann", adminEmail: huge }),
    ];
    for (const form of forms) {
      expect(form.success).toBe(false);
      expect(form.error!.issues.map((issue) => issue.message)).toContain("An email address has at most 254 characters");
    }
  });

  it("takes a real address, trimmed and lower-cased, up to 254 characters", () => {
    const longest = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(62)}.test`;
    expect(longest).toHaveLength(254);
    expect(ZEmailSchema.parse(` ${longest.toUpperCase()} `)).toBe(longest);
    expect(ZEmailSchema.safeParse("not an address").error?.issues[0].message).toBe("Enter a valid email address");
  });
});
