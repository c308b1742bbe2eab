import { notFound } from "next/navigation";
import { ListTable } from "@/components/ui/list-table";
import { requireStaffActor } from "@/lib/auth/session";
import { listSmsLog, currentSmsLogAccess } from "@/lib/sms/sms-log";
import { formatMoment } from "@/lib/time/zones";

export const dynamic = "force-dynamic";
export const metadata = { title: "Texts · Fieldgate", referrer: "no-referrer" };

type TText = Awaited<ReturnType<typeof listSmsLog>>[number];

// With no SMS provider set, the texts Fieldgate would send are kept here, under the
// mailbox's rule.
export default async function SmsLogPage() {
  const [actor, access] = await Promise.all([requireStaffActor("/staff/texts"), currentSmsLogAccess()]);
  if (!access) notFound();
  const texts = await listSmsLog(access);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Texts</h1>
          <p className="muted">
            No SMS provider is set (TWILIO_*), so texts are kept here instead of being sent. The newest 100.
          </p>
        </div>
      </header>
      <ListTable<TText>
        label="Texts"
        testId="sms-log"
        rows={texts}
        rowKey={(t) => t.id}
        columns={[
          { key: "to", header: "To", cell: (t) => t.to, primary: true },
          { key: "body", header: "Text", cell: (t) => t.body },
          { key: "at", header: "Written", cell: (t) => formatMoment(t.createdAt, actor.organisationTimeZone) },
        ]}
        empty={{ title: "No texts yet", text: "Visit reminders to people who said yes to texts appear here." }}
      />
    </>
  );
}
