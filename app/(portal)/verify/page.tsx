import { VerifyForm } from "@/components/evidence-packs/verify-form";
import { verifyEvidencePackAction } from "./actions";

export const metadata = { title: "Verify an evidence pack · Fieldgate" };

export default function VerifyPage() {
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Verify an evidence pack</h1>
          <p className="muted">
            Fieldgate records the SHA-256 of every evidence pack it makes. Upload a pack to check it has not been
            changed since. Only the work order number and the day it was made are shown.
          </p>
        </div>
      </header>
      <section className="card">
        <VerifyForm action={verifyEvidencePackAction} />
      </section>
    </>
  );
}
