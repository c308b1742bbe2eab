import { notFound } from "next/navigation";
import { RequestStatus } from "@/components/tenant-requests/request-status";
import { ProblemPage } from "@/components/ui/problem-page";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { getRequestStatus } from "@/lib/tenant-requests/get-request-status";
import { openRequestLink } from "@/lib/tenant-requests/open-request-link";
import { zoneName } from "@/lib/time/zones";
import { cancelRequestAction, changeAvailabilityAction, confirmVisitAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your request · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// The tenant's page for one request, through their emailed link. Opening it changes
// nothing but the access log; every change is a button that posts.
export default async function RequestLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let opened;
  try {
    opened = await openRequestLink(token, await currentRequestMeta());
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  if (!opened.ok)
    return (
      <ProblemPage title="This link has expired">
        <p>
          The link to request {opened.reference} has expired. The newest email from {opened.organisationName} about it
          carries a link that works.
        </p>
      </ProblemPage>
    );
  const status = await getRequestStatus(opened.actor);
  return (
    <RequestStatus
      status={status}
      token={token}
      zoneName={zoneName(status.zone)}
      actions={{ change: changeAvailabilityAction, confirm: confirmVisitAction, cancel: cancelRequestAction }}
    />
  );
}
