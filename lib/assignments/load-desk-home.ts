import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { accreditationAlertsRead } from "@/lib/accreditations/list-accreditation-alerts";
import { companyTechniciansRead } from "@/lib/contractors/list-company-technicians";
import { readTogether } from "@/lib/database/read-together";
import { listColumnsRead } from "@/lib/preferences/list-columns";
import { deskClientsRead, deskTaskCountRead, deskTaskListRead } from "./list-desk-tasks";
import type { TDeskTaskListFilters } from "./schemas";

// Everything the Desk's task list reads, in one statement and in one place so the lists
// benchmark times what the page does: a page of tasks and their count, the technicians and
// clients of the filters, the chosen columns and the accreditations about to lapse.
export async function loadDeskHome(actor: TDeskActor, filters: TDeskTaskListFilters, now = new Date()) {
  const [page, count, technicians, clients, columns, accreditations] = await readTogether([
    deskTaskListRead(actor, filters, undefined, now),
    deskTaskCountRead(actor, filters),
    companyTechniciansRead(actor),
    deskClientsRead(actor),
    listColumnsRead(actor.userId, "desk"),
    accreditationAlertsRead(actor, now),
  ]);
  return { ...page, count, technicians, clients, columns, accreditations };
}
