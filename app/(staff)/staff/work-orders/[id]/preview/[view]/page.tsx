import Link from "next/link";
import { notFound } from "next/navigation";
import { PortalPage } from "@/components/portal/portal-page";
import { requireStaffActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { getPortalView } from "@/lib/portal/get-portal-view";
import { previewActor } from "@/lib/portal/reader-actors";
import { isPortalView, PORTAL_VIEW_WORDS } from "@/lib/portal/views";
import { readReaderClock } from "@/lib/time/read-reader-clock";

export const metadata = { title: "Customer view preview · Fieldgate" };

// A view exactly as the customer will see it, built through the same scope as a link, with
// no token spent or logged and nothing to press.
export default async function PortalPreviewPage({ params }: { params: Promise<{ id: string; view: string }> }) {
  const { id, view } = await params;
  if (!isId(id) || !isPortalView(view)) notFound();
  const actor = await requireStaffActor(`/staff/work-orders/${id}/preview/${view}`);
  const page = await previewActor(actor, id, view)
    .then(getPortalView)
    .catch((error) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const clock = await readReaderClock(page.workOrder.site.timezone ?? page.workOrder.organisation.timezone);
  return (
    <>
      <p className="alert alert-info page-narrow" data-testid="preview-banner">
        Preview of the {PORTAL_VIEW_WORDS[view].label.toLowerCase()} view as the customer sees it; its buttons are not
        shown. <Link href={`/staff/work-orders/${id}?tab=customer`}>Back to the work order</Link>
      </p>
      <PortalPage page={page} clock={clock} />
    </>
  );
}
