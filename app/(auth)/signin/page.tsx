import { redirect } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DEMO_PASSWORD } from "@/lib/auth/demo-password";
import { listDemoPersonas } from "@/lib/auth/demo";
import { homeForUser } from "@/lib/auth/home-for-user";
import { sessionUserId } from "@/lib/auth/session";
import { currentMailboxAccess } from "@/lib/email/mailbox-access";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/auth/sign-in-links";
import { demoSignInAction, requestLinkAction, signInWithPasswordAction } from "../actions";

export const dynamic = "force-dynamic";

const AUDIENCES = [
  { home: "/staff", title: "Client staff" },
  { home: "/desk", title: "Contractor office (Desk)" },
  { home: "/tech", title: "Technicians" },
];
export const metadata = { title: "Sign in · Fieldgate" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; notice?: string }>;
}) {
  const { next, notice } = await searchParams;
  const safeNext = safeRedirectPath(next);
  const userId = await sessionUserId();
  if (userId && notice !== "wrong-area") redirect(safeNext ?? (await homeForUser(userId)));
  const [personas, mailbox] = await Promise.all([listDemoPersonas(), currentMailboxAccess()]);

  return (
    <div className="auth-page">
      <section className="card auth-card">
        <h1>Sign in to Fieldgate</h1>
        {notice === "wrong-area" && (
          <p className="alert alert-info" role="status">
            Your account cannot open that page. Sign in with another account, or go back to your own area.
          </p>
        )}
        <h2>With your password</h2>
        <p className="muted">Client staff, and contractor office people who have set a password.</p>
        <ActionForm action={signInWithPasswordAction} testId="password-form">
          <input type="hidden" name="next" value={safeNext ?? ""} />
          <Field name="email" label="Email">
            <input id="email" name="email" type="email" autoComplete="username" required />
          </Field>
          <Field name="password" label="Password">
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </Field>
          <SubmitButton>Sign in</SubmitButton>
        </ActionForm>
        <p>
          <a href="#link-email">Forgot your password?</a> Sign in with a link instead; you can set a new password
          afterwards.
        </p>

        <h2 id="link-heading">Email me a sign-in link</h2>
        <p className="muted">
          Contractors and technicians sign in with a link; no password needed. It also works if you forgot your
          password.
        </p>
        <ActionForm
          action={requestLinkAction}
          successMessage={`If that address has an account, a sign-in link is on its way. It works once and expires in ${env.SIGN_IN_LINK_MINUTES} minutes.`}
          testId="link-form"
        >
          <input type="hidden" name="next" value={safeNext ?? ""} />
          <Field name="email" label="Email" inputId="link-email">
            <input id="link-email" name="email" type="email" autoComplete="email" required />
          </Field>
          <SubmitButton variant="secondary">Send me a link</SubmitButton>
        </ActionForm>
      </section>

      {personas.length > 0 && (
        <section className="card auth-card demo" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo mode: sign in as a persona</h2>
          <p className="muted">
            This installation holds demo data. Pick anyone to see their view. Staff can also use their email with the
            password <code>{DEMO_PASSWORD}</code>.
            {mailbox?.kind === "everything" && (
              <>
                {" "}
                Every email sent is readable in the <a href="/mailbox">mailbox</a>.
              </>
            )}
          </p>
          {AUDIENCES.map(({ home, title }) => (
            <div key={home}>
              <h3>{title}</h3>
              <ul className="persona-list">
                {personas
                  .filter((persona) => persona.home === home)
                  .map((persona) => (
                    <li key={persona.userId}>
                      <ActionForm action={demoSignInAction} className="persona">
                        <input type="hidden" name="userId" value={persona.userId} />
                        <span>
                          <strong>{persona.name}</strong>
                          <small>{persona.label}</small>
                        </span>
                        <SubmitButton variant="secondary">Sign in</SubmitButton>
                      </ActionForm>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
