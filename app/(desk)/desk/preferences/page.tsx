import { SignatureField } from "@/components/signature/signature-field";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireDeskActor } from "@/lib/auth/session";
import { getPreferences } from "@/lib/people/get-preferences";
import { RECENT_SIGN_IN_MINUTES } from "@/lib/people/set-own-password";
import { setOwnPasswordAction, updatePreferencesAction } from "../actions";

export const metadata = { title: "My preferences · Fieldgate Desk" };

export default async function PreferencesPage() {
  const actor = await requireDeskActor("/desk/preferences");
  const me = await getPreferences(actor.userId);
  return (
    <div className="page-narrow">
      <section className="card">
        <h1>My preferences</h1>
        <ActionForm action={updatePreferencesAction} successMessage="Preferences saved." testId="preferences-form">
          <Field name="mobile" label="Mobile number">
            <input id="mobile" name="mobile" type="tel" defaultValue={me.mobile ?? ""} />
          </Field>
          <label className="checkbox">
            <input type="checkbox" name="smsConsent" defaultChecked={me.smsConsent} /> Text me reminders of my
            company&apos;s visits at this number (never between 21:00 and 07:00; reply STOP to any text to stop them)
          </label>
          <SignatureField name="signatureSvg" label="My signature" initialSvg={me.signatureSvg} />
          <Field name="signatureSvg" label="">
            <span />
          </Field>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{me.hasPassword ? "Change my password" : "Set a password"}</h2>
        <p className="muted">
          {me.hasPassword
            ? "You can sign in with your password or with an emailed link. Changing it signs you out on every other device."
            : "Optional: you sign in with emailed links. With a password you can also sign in on the sign-in page. Setting one signs you out on every other device."}
        </p>
        <ActionForm
          action={setOwnPasswordAction}
          successMessage="Password saved. You stay signed in here; other devices were signed out."
          testId="password-form"
        >
          {me.hasPassword && (
            <Field
              name="currentPassword"
              label={`Current password (not needed within ${RECENT_SIGN_IN_MINUTES} minutes of signing in with a link)`}
            >
              <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" />
            </Field>
          )}
          <Field name="newPassword" label="New password (at least 12 characters)">
            <input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
            />
          </Field>
          <Field name="confirmPassword" label="New password again">
            <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
          </Field>
          <SubmitButton>{me.hasPassword ? "Change password" : "Set password"}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
