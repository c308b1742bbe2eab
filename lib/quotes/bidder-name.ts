import type { QuoteLine } from "@/generated/prisma/client";

// How staff and the timeline name a bidder: its company on Fieldgate, else the outside
// supplier's company or name as staff typed them, else its address.
export function bidderName(invitation: {
  contractorCompany: { name: string } | null;
  supplierCompany: string | null;
  supplierName: string | null;
  email: string;
}): string {
  return (
    invitation.contractorCompany?.name ?? invitation.supplierCompany ?? invitation.supplierName ?? invitation.email
  );
}

// The values of a quote line, as an answer keeps them and an award copies them.
export type TQuoteLineValues = Pick<QuoteLine, "description" | "quantity" | "unitCode" | "unitPrice" | "taxPercent">;
