import { useEffect, useMemo, useState } from "react";
import { createAutoSync } from "@/lib/offline/auto-sync";
import type { OfflineDatabase } from "@/lib/offline/database";
import { hasUnsentWork } from "@/lib/offline/unsent-work";
import { createSyncEngine, type TSyncReport } from "@/lib/offline/sync-engine";
import { techActions } from "@/lib/offline/tech-actions";
import { createHttpTransport } from "@/lib/offline/transport";
import { SyncStatus } from "./sync-status";
import { TaskList } from "./task-list";
import { TaskView } from "./task-view";
import { TextRemindersCard } from "./text-reminders-card";
import { useHashRoute } from "./use-hash-route";
import { useTechData } from "./use-tech-data";

// The technician app: everything is read from and written to the device, and synced in
// the background, so it works the same with or without a network.
export function TechApp({ db, userName }: { db: OfflineDatabase; userName: string }) {
  const transport = useMemo(() => createHttpTransport(), []);
  const engine = useMemo(() => createSyncEngine({ db, transport }), [db, transport]);
  const [report, setReport] = useState<TSyncReport | null>(null);
  const [syncing, setSyncing] = useState(false);
  const autoSync = useMemo(
    () => createAutoSync(engine, { reachable: transport.reachable, waiting: () => hasUnsentWork(db) }),
    [engine, transport, db],
  );
  const actions = useMemo(() => techActions(db, autoSync.kick), [db, autoSync]);
  const data = useTechData(db);
  const { taskId, settings } = useHashRoute();

  useEffect(() => {
    autoSync.start(
      (r) => {
        setReport(r);
        setSyncing(false);
      },
      () => setSyncing(true),
    );
    return () => autoSync.stop();
  }, [autoSync]);

  const retry = () => {
    setSyncing(true);
    autoSync.kick();
  };
  const task = taskId ? data.tasks.find((t) => t.id === taskId) : undefined;

  return (
    <div className="tech-app">
      <SyncStatus data={data} report={report} syncing={syncing} onRetry={retry} />
      {taskId ? (
        task ? (
          <TaskView
            task={task}
            db={db}
            actions={actions}
            userName={userName}
            attention={data.attention.filter((e) => e.taskId === task.id)}
          />
        ) : (
          <p className="muted">
            {data.loaded ? "This task is not on this phone. Go back to your tasks and sync." : "Loading…"}
          </p>
        )
      ) : settings ? (
        <div data-testid="my-settings">
          <p>
            <a href="#/">← My tasks</a>
          </p>
          <h1>My settings</h1>
          <TextRemindersCard />
        </div>
      ) : (
        <TaskList tasks={data.tasks} loaded={data.loaded} openTasksLeftOut={data.openTasksLeftOut} />
      )}
    </div>
  );
}
