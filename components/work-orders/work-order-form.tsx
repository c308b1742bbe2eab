"use client";

import { useState } from "react";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import type { TActionResult } from "@/lib/actions/result";

type TOption = { id: string; name: string };
export type TWorkOrderFormValues = {
  title: string;
  siteId: string;
  assetId: string;
  categoryId: string;
  priority: string;
  description: string;
  dueAt: string;
  purchaseOrder: string;
  notToExceed: string;
  internalNotes: string;
};

const EMPTY: TWorkOrderFormValues = {
  title: "",
  siteId: "",
  assetId: "",
  categoryId: "",
  priority: "NORMAL",
  description: "",
  dueAt: "",
  purchaseOrder: "",
  notToExceed: "",
  internalNotes: "",
};

// One form for creating and editing; the asset list follows the chosen site.
export function WorkOrderForm({
  action,
  sites,
  assets,
  categories,
  priorities,
  values = EMPTY,
  hidden = {},
  submitLabel,
  alsoSubmit,
  currency,
}: {
  action: (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
  sites: (TOption & { city: string })[];
  assets: (TOption & { siteId: string })[];
  categories: TOption[];
  priorities: { value: string; label: string }[];
  values?: TWorkOrderFormValues;
  hidden?: Record<string, string>;
  // A second way to submit (create, then ask for quotes), sent as its name and value.
  alsoSubmit?: { label: string; name: string; value: string };
  submitLabel: string;
  // The organisation's (ISO 4217), which the amount is entered in.
  currency: string;
}) {
  const [siteId, setSiteId] = useState(values.siteId);
  const siteAssets = assets.filter((asset) => asset.siteId === siteId);
  return (
    <ActionForm action={action} testId="work-order-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field name="title" label="Title">
        <input id="title" name="title" required defaultValue={values.title} />
      </Field>
      <Field name="siteId" label="Site">
        <select id="siteId" name="siteId" value={siteId} onChange={(event) => setSiteId(event.target.value)}>
          <option value="">Choose a site</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name} ({site.city})
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="assetId"
        label="Asset (optional)"
        hint={siteId && siteAssets.length === 0 ? "No assets recorded at this site." : undefined}
      >
        <select
          id="assetId"
          name="assetId"
          defaultValue={values.assetId}
          key={siteId}
          disabled={!siteId || siteAssets.length === 0}
        >
          <option value="">No specific asset</option>
          {siteAssets.map((asset) => (
            <option key={asset.id} value={asset.id}>
              {asset.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="categoryId" label="Trade">
        <select id="categoryId" name="categoryId" defaultValue={values.categoryId}>
          <option value="">No specific trade</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="priority" label="Priority" hint="Sets the SLA due time.">
        <select id="priority" name="priority" defaultValue={values.priority}>
          {priorities.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="description" label="Description">
        <textarea id="description" name="description" rows={4} defaultValue={values.description} />
      </Field>
      <Field name="dueAt" label="Due date (optional)">
        <input id="dueAt" name="dueAt" type="date" defaultValue={values.dueAt} />
      </Field>
      <Field name="purchaseOrder" label="Purchase order number (optional)">
        <input id="purchaseOrder" name="purchaseOrder" defaultValue={values.purchaseOrder} />
      </Field>
      <Field name="notToExceed" label={`Not-to-exceed amount, ${currency} (optional)`}>
        <input id="notToExceed" name="notToExceed" inputMode="decimal" defaultValue={values.notToExceed} />
      </Field>
      <Field name="internalNotes" label="Internal notes (never shown to the contractor)">
        <textarea id="internalNotes" name="internalNotes" rows={2} defaultValue={values.internalNotes} />
      </Field>
      <div className="button-row">
        <SubmitButton>{submitLabel}</SubmitButton>
        {alsoSubmit && (
          <SubmitButton variant="secondary" name={alsoSubmit.name} value={alsoSubmit.value}>
            {alsoSubmit.label}
          </SubmitButton>
        )}
      </div>
    </ActionForm>
  );
}
