import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { photoReader } from "@/lib/attachments/photo-reader";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { notFound } from "@/lib/errors";
import { getSiteWork } from "./get-site-work";
import { getWorkOrder } from "./get-work-order";
import { renderServiceReportPdf } from "./render-service-report-pdf";

// The service report PDF for staff (every visit to the work order) or the Desk (its own
// task's), from the same site work the pages show.
export async function serviceReportPdf(
  actor: TStaffActor | TDeskActor,
  target: { workOrderId: string } | { assignmentId: string },
) {
  const header =
    actor.kind === "staff" && "workOrderId" in target
      ? await getWorkOrder(actor, target.workOrderId).then((wo) => ({
          clientName: actor.organisationName,
          number: wo.number,
          title: wo.title,
          siteName: wo.site.name,
          zone: wo.site.timezone ?? actor.organisationTimeZone,
        }))
      : actor.kind === "desk" && "assignmentId" in target
        ? await getDeskTask(actor, target.assignmentId).then((task) => ({
            clientName: task.organisation.name,
            number: task.workOrder.number,
            title: task.workOrder.title,
            siteName: task.workOrder.site.name,
            zone: task.timeZone,
          }))
        : null;
  if (!header) throw notFound("Work order");
  const work = (await getSiteWork(actor, target)) ?? { serviceTasks: [], visits: [] };
  return { bytes: await renderServiceReportPdf(header, work, photoReader(actor)), number: header.number };
}
