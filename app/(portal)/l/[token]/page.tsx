import { notFound } from "next/navigation";
import { LinkRefused } from "@/components/portal/link-refused";
import { PortalPage } from "@/components/portal/portal-page";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { getPortalView } from "@/lib/portal/get-portal-view";
import { openPortalLink } from "@/lib/portal/resolve-portal-link";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { askForNewLinkAction, lineAction, signEstimateAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your work order · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// A customer's view of one work order through an expiring link; it shows nothing else.
// Opening it (any number of times, by a person or a mail scanner) changes nothing but the
// access log and the opened marks: every decision is a post of the page's forms.
export default async function CustomerLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openPortalLink(token, await currentRequestMeta()).catch((error) => {
    // An unknown token answers 404 (./not-found.tsx).
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!opened.ok) return <LinkRefused link={opened} token={token} ask={askForNewLinkAction} />;
  const page = await getPortalView(opened.actor);
  const clock = await readReaderClock(page.workOrder.site.timezone ?? page.workOrder.organisation.timezone);
  return (
    <PortalPage page={page} clock={clock} token={token} actions={{ line: lineAction, sign: signEstimateAction }} />
  );
}
