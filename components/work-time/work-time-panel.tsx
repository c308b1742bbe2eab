import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { FileInput } from "@/components/ui/file-input";
import { OccurrenceField } from "@/components/ui/occurrence-field";
import { TableScroll } from "@/components/ui/table-scroll";
import { VisitTime } from "@/components/ui/visit-time";
import type { TActionResult } from "@/lib/actions/result";
import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { zoneName } from "@/lib/time/zones";
import {
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  LABOUR_TYPES,
  LABOUR_TYPE_LABELS,
  type TLabourType,
} from "@/lib/work-time/labour-types";
import type { listWorkTime } from "@/lib/work-time/list-work-time";
import { formatDuration } from "@/lib/work-time/parse-duration";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TWorkTime = NonNullable<Awaited<ReturnType<typeof listWorkTime>>>;

// A task's time and costs: what was recorded, with totals; the Desk also records them.
export function WorkTimePanel({
  assignmentId,
  work,
  clock,
  siteZone,
  record,
}: {
  assignmentId: string;
  work: TWorkTime;
  clock: TReaderClock;
  siteZone: string;
  // The Desk's forms; absent on the staff page, or once the task is invoiced.
  // estimateLines: the approved lines the time can be booked against (optional).
  record?: {
    people: { id: string; name: string }[];
    time: TAction;
    cost: TAction;
    estimateLines?: { id: string; description: string }[];
  };
}) {
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, work.currency);
  return (
    <section className="card" aria-label="Time and costs">
      <h2>Time and costs</h2>
      {work.time.length === 0 ? (
        <p className="muted">No time recorded yet.</p>
      ) : (
        <TableScroll label="Time">
          <table className="table" aria-label="Time">
            <thead>
              <tr>
                <th>Who</th>
                <th>Started</th>
                <th className="num">Time</th>
                <th>Kind</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {work.time.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.personName}</td>
                  <td>
                    <VisitTime at={entry.startedAt} zone={siteZone} readerZone={clock.readerZone} />
                  </td>
                  <td className="num">{formatDuration(entry.minutes)}</td>
                  <td>
                    {LABOUR_TYPE_LABELS[entry.labourType as TLabourType]}
                    {entry.source === "tech" && <small className="muted"> · from the app</small>}
                  </td>
                  <td>{entry.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="num" data-testid="time-total">
                  {formatDuration(work.totalMinutes)}
                </td>
                <td colSpan={2}>
                  {work.minutesByType
                    .map((t) => `${LABOUR_TYPE_LABELS[t.labourType]} ${formatDuration(t.minutes)}`)
                    .join(" · ")}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      {work.costs.length === 0 ? (
        <p className="muted">No costs recorded yet.</p>
      ) : (
        <TableScroll label="Costs">
          <table className="table" aria-label="Costs">
            <thead>
              <tr>
                <th>Cost</th>
                <th className="num">Quantity</th>
                <th className="num">Unit cost</th>
                <th className="num">Amount</th>
                <th>Receipt</th>
              </tr>
            </thead>
            <tbody>
              {work.costs.map((cost) => (
                <tr key={cost.id}>
                  <td>
                    {cost.description}
                    <small className="muted"> · {COST_CATEGORY_LABELS[cost.category]}</small>
                  </td>
                  <td className="num">{quantityWithUnit(cost.quantity, cost.unitCode)}</td>
                  <td className="num">{money(cost.unitCost)}</td>
                  <td className="num">{money(cost.amount)}</td>
                  <td>
                    {cost.receipts.map((receipt) => (
                      <a key={receipt.id} href={`/api/files/${receipt.id}`} download>
                        {receipt.filename}
                      </a>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total at cost, before markup and tax
                </th>
                <td className="num" data-testid="cost-total">
                  {money(work.costTotal)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      {record && (
        <div className="button-row">
          <DialogButton label="Record time…" title="Record time">
            <ActionForm action={record.time} successMessage="Time recorded." testId="time-form">
              <input type="hidden" name="assignmentId" value={assignmentId} />
              <Field name="personId" label="Who" inputId="time-person">
                <select id="time-person" name="personId">
                  {record.people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                name="startedAt"
                label="Started"
                inputId="time-started"
                hint={`In ${zoneName(siteZone)}, the site's time zone.`}
              >
                <input id="time-started" name="startedAt" type="datetime-local" />
              </Field>
              <OccurrenceField id="time-occurrence" timeInputId="time-started" zones={[siteZone]} />
              <div className="field-row">
                <Field name="minutes" label="How long" inputId="time-minutes" hint="1:30 or 1.5 (hours)">
                  <input id="time-minutes" name="minutes" inputMode="decimal" />
                </Field>
                <Field name="labourType" label="Kind" inputId="time-kind">
                  <select id="time-kind" name="labourType" defaultValue="NORMAL">
                    {LABOUR_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {LABOUR_TYPE_LABELS[type]}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              {record.estimateLines && record.estimateLines.length > 0 && (
                <Field name="estimateLineId" label="Estimate line (optional)" inputId="time-line">
                  <select id="time-line" name="estimateLineId" defaultValue="">
                    <option value="">None</option>
                    {record.estimateLines.map((line) => (
                      <option key={line.id} value={line.id}>
                        {line.description}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <Field name="note" label="Note (optional)" inputId="time-note">
                <input id="time-note" name="note" />
              </Field>
              <SubmitButton variant="secondary">Record time</SubmitButton>
            </ActionForm>
          </DialogButton>
          <DialogButton label="Record a cost…" title="Record a cost">
            <ActionForm action={record.cost} successMessage="Cost recorded." testId="cost-form">
              <input type="hidden" name="assignmentId" value={assignmentId} />
              <div className="field-row">
                <Field name="category" label="Kind" inputId="cost-category">
                  <select id="cost-category" name="category" defaultValue="MATERIAL">
                    {COST_CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {COST_CATEGORY_LABELS[category]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="description" label="Description" inputId="cost-description">
                  <input id="cost-description" name="description" />
                </Field>
              </div>
              <div className="field-row">
                <QuantityUnitFields idPrefix="cost" defaultUnit="C62" />
                <Field name="unitCost" label={`Cost per unit, ${work.currency}`} inputId="cost-unit-cost">
                  <input id="cost-unit-cost" name="unitCost" inputMode="decimal" />
                </Field>
              </div>
              <Field name="receipt" label="Receipt (optional)" inputId="cost-receipt">
                <FileInput id="cost-receipt" name="receipt" />
              </Field>
              <SubmitButton variant="secondary">Record cost</SubmitButton>
            </ActionForm>
          </DialogButton>
        </div>
      )}
    </section>
  );
}
