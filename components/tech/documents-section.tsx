import { toBlob, type OfflineDatabase, type TStoredTask } from "@/lib/offline/database";
import { useLiveQuery } from "./use-live-query";

// The client's documents and the tenant's photos, kept on the phone for reading on site
// without a network.
export function DocumentsSection({ task, db }: { task: TStoredTask; db: OfflineDatabase }) {
  const cached = useLiveQuery(
    async () =>
      new Set((await db.documents.bulkGet(task.documents.map((d) => d.id))).filter(Boolean).map((d) => d!.id)),
    [db, task.documents.length],
    new Set<string>(),
  );
  if (task.documents.length === 0) return null;
  async function open(id: string) {
    const doc = await db.documents.get(id);
    if (!doc) return;
    window.open(URL.createObjectURL(toBlob(doc.content)), "_blank", "noopener");
  }
  return (
    <section className="card" aria-label="Documents">
      <h2>
        {task.documents.some((d) => d.fromTenant) ? "Documents and the tenant's photos" : "Documents from the client"}
      </h2>
      <ul>
        {task.documents.map((doc) => (
          <li key={doc.id}>
            {cached.has(doc.id) ? (
              <button type="button" className="link-button" onClick={() => open(doc.id)}>
                {doc.filename}
                {doc.fromTenant && " (the tenant's photo)"}
              </button>
            ) : (
              <span>
                {doc.filename}
                {doc.fromTenant && " (the tenant's photo)"} <span className="muted">(downloads at the next sync)</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
