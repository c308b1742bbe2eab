import { SignatureField } from "@/components/signature/signature-field";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireDeskActor } from "@/lib/auth/session";
import { getPreferences } from "@/lib/people/get-preferences";
import { updatePreferencesAction } from "../actions";

export const metadata = { title: "My preferences · Fieldgate Desk" };

export default async function PreferencesPage() {
  const actor = await requireDeskActor("/desk/preferences");
  const me = await getPreferences(actor.userId);
  return (
    <section className="card page-narrow">
      <h1>My preferences</h1>
      <ActionForm action={updatePreferencesAction} successMessage="Preferences saved." testId="preferences-form">
        <Field name="mobile" label="Mobile number">
          <input id="mobile" name="mobile" type="tel" defaultValue={me.mobile ?? ""} />
        </Field>
        <SignatureField name="signatureSvg" label="My signature" initialSvg={me.signatureSvg} />
        <Field name="signatureSvg" label="">
          <span />
        </Field>
        <SubmitButton>Save</SubmitButton>
      </ActionForm>
    </section>
  );
}
