import Link from "next/link";

export default function NotFound() {
  return (
    <div className="auth-page">
      <section className="card auth-card">
        <h1>Not found</h1>
        <p>This page does not exist, or you do not have access to it.</p>
        <Link href="/" className="button button-primary">
          Go to my work
        </Link>
      </section>
    </div>
  );
}
