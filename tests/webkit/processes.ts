import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

// A child process whose stderr is kept for the failure message, stopped with the run.
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; extraFd?: boolean } = {},
) {
  const child: ChildProcess = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ["ignore", "ignore", "pipe", ...(options.extraFd ? (["pipe"] as const) : [])],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return {
    child,
    name,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Xvfb picks a free display itself and writes its number to the given descriptor.
export async function startXvfb() {
  const xvfb = startProcess("Xvfb", "Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    extraFd: true,
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = "";
    const pipe = xvfb.child.stdio[3] as NodeJS.ReadableStream;
    pipe.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(`:${text.trim()}`);
    });
    xvfb.child.once("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${xvfb.stderr()}`)));
  });
  return { ...xvfb, display };
}
