import { Logger } from "graphile-worker";

// The job queue's own messages: warnings and errors only (it is chatty at info level).
export const jobLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});
