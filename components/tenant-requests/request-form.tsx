"use client";
import { useState } from "react";
import { ActionForm, Field, FieldGroup, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { resizePhoto } from "@/lib/offline/photos/resize-photo";
import { MAX_REQUEST_PHOTOS } from "@/lib/tenant-requests/limits";
import { WindowFields } from "./window-fields";

type TTrade = { id: string; name: string; questions: { id: string; question: string }[] };

// Photos are made small in the browser, as the technician app does, before they are sent;
// a photo the browser cannot open goes as it is (the server checks it).
async function withSmallPhotos(data: FormData): Promise<FormData> {
  const photos = data.getAll("photos").filter((p): p is File => p instanceof File && p.size > 0);
  data.delete("photos");
  for (const photo of photos) {
    const small = await resizePhoto(photo).then(
      (resized) =>
        new File([resized.photo], `${photo.name.replace(/\.[^.]+$/, "") || "photo"}.jpg`, { type: "image/jpeg" }),
      () => photo,
    );
    data.append("photos", small);
  }
  return data;
}

// The tenant's request form, on a site's page (the site fixed) or the organisation's (the
// address typed). The emergency questions of the chosen trade appear under it.
export function RequestForm({
  action,
  withAddress,
  trades,
  zoneName,
}: {
  action: TFormAction;
  withAddress: boolean;
  trades: TTrade[];
  zoneName: string;
}) {
  const [tradeId, setTradeId] = useState("");
  const questions = trades.find((t) => t.id === tradeId)?.questions ?? [];
  return (
    <ActionForm action={action} prepare={withSmallPhotos} testId="tenant-request-form">
      <Field name="name" label="Your name">
        <input id="name" name="name" autoComplete="name" required />
      </Field>
      <Field name="email" label="Your email" hint="We send the confirmation and a link to follow your request here.">
        <input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field name="mobile" label="Your mobile (optional)">
        <input id="mobile" name="mobile" type="tel" autoComplete="tel" />
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="smsConsent" /> Text me reminders about the visit at this number
      </label>
      {withAddress && (
        <Field name="address" label="Address or postcode">
          <input id="address" name="address" autoComplete="street-address" required />
        </Field>
      )}
      <Field name="unit" label="Flat, unit or where in the building (optional)">
        <input id="unit" name="unit" />
      </Field>
      {trades.length > 0 && (
        <Field name="categoryId" label="What kind of problem?">
          <select id="categoryId" name="categoryId" value={tradeId} onChange={(e) => setTradeId(e.target.value)}>
            <option value="">Not sure</option>
            {trades.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {questions.map((q) => (
        <FieldGroup key={q.id} name={`emergencyAnswers.${q.id}`} legend={q.question} className="radio-group">
          <label className="radio">
            <input type="radio" name={`emergency.${q.id}`} value="yes" /> Yes
          </label>
          <label className="radio">
            <input type="radio" name={`emergency.${q.id}`} value="no" defaultChecked /> No
          </label>
        </FieldGroup>
      ))}
      <Field name="description" label="What is wrong?">
        <textarea id="description" name="description" rows={4} required />
      </Field>
      <Field name="photos" label={`Photos (optional, up to ${MAX_REQUEST_PHOTOS})`}>
        <input id="photos" name="photos" type="file" accept="image/*" multiple />
      </Field>
      <WindowFields zoneName={zoneName} />
      <FieldGroup
        name="permissionToEnter"
        legend="May the contractor let themselves in if you are out?"
        className="radio-group"
      >
        <label className="radio">
          <input type="radio" name="permissionToEnter" value="yes" /> Yes
        </label>
        <label className="radio">
          <input type="radio" name="permissionToEnter" value="no" defaultChecked /> No, someone will be there
        </label>
      </FieldGroup>
      <Field name="accessNotes" label="Anything the contractor should know (pets, parking, codes)?">
        <textarea id="accessNotes" name="accessNotes" rows={2} />
      </Field>
      {/* People never see this field; a robot fills it. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="website">Website</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <SubmitButton>Send my request</SubmitButton>
    </ActionForm>
  );
}
