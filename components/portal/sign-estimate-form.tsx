"use client";

import { useContext } from "react";
import {
  ActionForm,
  Field,
  FieldGroup,
  FormContext,
  SubmitButton,
  type TFormAction,
} from "@/components/ui/action-form";
import { SignatureField } from "@/components/signature/signature-field";

// The last step of an estimate: the signer's full name and their signature (drawn, or
// typed by someone who cannot draw), after the terms. The page's fingerprint of what it
// showed goes with it, so a signature never covers lines the person did not see.
export function SignEstimateForm({
  action,
  hidden,
  hash,
  withTerms,
}: {
  action: TFormAction;
  hidden: Record<string, string>;
  hash: string;
  withTerms: boolean;
}) {
  return (
    <ActionForm action={action} testId="sign-estimate-form" successMessage="Signed. Thank you: a copy is in the PDF.">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="shownHash" value={hash} />
      {withTerms && (
        <FieldGroup name="readTerms" legend="Terms">
          <label className="checkbox">
            <input type="checkbox" name="readTerms" /> I have read the terms above
          </label>
        </FieldGroup>
      )}
      <Field name="signerName" label="Your full name" inputId="signer-name">
        <input id="signer-name" name="signerName" autoComplete="name" maxLength={120} />
      </Field>
      <Signature />
      <SubmitButton>Sign the estimate</SubmitButton>
    </ActionForm>
  );
}

// The pad, with the server's word about the signature beside it.
function Signature() {
  const errors = useContext(FormContext).fieldErrors?.signature;
  return <SignatureField name="signature" label="Your signature" allowTyped error={errors?.join(" ")} />;
}
