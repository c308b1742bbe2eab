import type { TStoredTask } from "@/lib/offline/database";
import { formatSiteTime } from "@/lib/time/site-clock";

// The thread between the client and the technician's office, to read on site (the
// contractor chooses whether its technicians see it; answering is the office's).
export function MessagesSection({ task }: { task: TStoredTask }) {
  const messages = task.messages ?? [];
  if (messages.length === 0) return null;
  return (
    <section className="card" aria-label="Messages">
      <h2>Messages with the client</h2>
      <ol className="messages">
        {messages.map((message) => (
          <li key={message.id} className={`message ${message.fromClient ? "from-client" : "from-contractor"}`}>
            <p className="prewrap">{message.body}</p>
            <small className="muted">
              {message.author}, {formatSiteTime(message.at, task.site.timeZone)}
            </small>
          </li>
        ))}
      </ol>
      <p className="muted">To answer, ask your office.</p>
    </section>
  );
}
