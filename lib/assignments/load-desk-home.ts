import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { listAccreditationAlerts } from "@/lib/accreditations/list-accreditation-alerts";
import { listCompanyTechnicians } from "@/lib/contractors/list-company-technicians";
import { listColumnsFor } from "@/lib/preferences/list-columns";
import { countDeskTasks, listDeskClients, listDeskTasks } from "./list-desk-tasks";
import type { TDeskTaskListFilters } from "./schemas";

// Everything the Desk's task list reads, in one place so the lists benchmark times what the
// page does: a page of tasks and their count, the technicians and clients of the filters,
// the chosen columns and the accreditations about to lapse.
export async function loadDeskHome(actor: TDeskActor, filters: TDeskTaskListFilters, now = new Date()) {
  const [page, count, technicians, clients, columns, accreditations] = await Promise.all([
    listDeskTasks(actor, filters, undefined, now),
    countDeskTasks(actor, filters),
    listCompanyTechnicians(actor),
    listDeskClients(actor),
    listColumnsFor(actor.userId, "desk"),
    listAccreditationAlerts(actor, now),
  ]);
  return { ...page, count, technicians, clients, columns, accreditations };
}
