import { TransportError, type TTransport } from "@/lib/offline/transport";
import type { TMutation, TMutationResult, TSyncRequest, TSyncResponse } from "@/lib/sync/contract";
import type { TRandom } from "./random";
import type { TFaultRates } from "./schedule";

// The network between the device's sync engine and the server, misbehaving on purpose:
// requests lost before the server, replies lost after the server committed, the same
// request delivered up to 10 times (some copies at the same moment, some late), a
// batch's mutations shuffled or split into parts sent out of order, old requests
// arriving again much later, and the app closed while a request is out.

export const FAULTS = [
  "dropped_before_server",
  "dropped_after_commit",
  "extra_copies",
  "concurrent_copies",
  "shuffled",
  "split_out_of_order",
  "replayed_late",
  "app_closed",
  "server_error",
] as const;
export type TFault = (typeof FAULTS)[number];
export type TFaultCounts = Record<TFault, number>;

export const noFaults = (): TFaultCounts => Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as TFaultCounts;

// One app run's view of the network; closing the app abandons it.
export type TConnection = TTransport & { closed: boolean };

const never = <T>() => new Promise<T>(() => undefined);
// How many times a duplicated request arrives: mostly a few, now and then the full ten.
const COPIES = [2, 2, 2, 3, 3, 4, 5, 10] as const;

export function createFaultyNetwork({
  server,
  random,
  rates,
}: {
  server: TTransport;
  random: TRandom;
  rates: TFaultRates;
}) {
  const counts = noFaults();
  const serverErrors = new Map<string, number>();
  const trace: string[] = [];
  const background = new Set<Promise<unknown>>();
  const delayed: TSyncRequest[] = [];
  let faultsOn = true;
  let closeApp: (() => void) | null = null;

  const inject = (fault: TFault, detail: string, times = 1) => {
    counts[fault] += times;
    trace.push(`${fault} ${detail}`);
  };
  const chance = (rate: number) => faultsOn && random.chance(rate);
  const describe = (mutations: TMutation[]) =>
    mutations.map((m) => `${m.type}#${m.seq}@${m.taskId.slice(-4)}`).join(",");

  function inBackground(work: Promise<unknown>): void {
    const tracked: Promise<unknown> = work.catch(() => undefined).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  // What the server answers; an exception there is a 500 to the device.
  async function callServer(request: TSyncRequest): Promise<TSyncResponse> {
    try {
      return await server.sync(structuredClone(request));
    } catch (error) {
      const message =
        error instanceof Error ? (error.message.split("\n").find((line) => line.trim()) ?? error.name) : String(error);
      counts.server_error++;
      serverErrors.set(message, (serverErrors.get(message) ?? 0) + 1);
      throw new TransportError(`Fieldgate is not answering (500): ${message}`);
    }
  }

  // The first copy's answer goes back to the device; the others only reach the server.
  function sendCopies(request: TSyncRequest): Promise<TSyncResponse> {
    if (!chance(rates.duplicate)) return callServer(request);
    const copies = random.pick(COPIES);
    const together = random.int(1, copies);
    inject("extra_copies", `x${copies - 1} (${together - 1} at once) of ${describe(request.mutations)}`, copies - 1);
    if (together > 1) inject("concurrent_copies", `x${together - 1}`, together - 1);
    const original = callServer(request);
    for (let i = 1; i < together; i++) inBackground(callServer(request));
    inBackground(
      original
        .catch(() => undefined)
        .then(async () => {
          for (let i = together; i < copies; i++) await callServer(request).catch(() => undefined);
        }),
    );
    return original;
  }

  async function deliver(request: TSyncRequest): Promise<TSyncResponse> {
    let parts = [request.mutations];
    if (chance(rates.reorder)) {
      if (request.mutations.length > 2 && random.chance(0.5)) {
        const cut = random.int(1, request.mutations.length - 1);
        parts = random.shuffle([request.mutations.slice(0, cut), request.mutations.slice(cut)]);
        inject("split_out_of_order", parts.map(describe).join(" | "));
      } else {
        parts = [random.shuffle(request.mutations)];
        inject("shuffled", describe(parts[0]));
      }
    }
    const answers = new Map<string, TMutationResult>();
    for (const part of parts) {
      const { results } = await sendCopies({ deviceId: request.deviceId, mutations: part });
      for (const result of results) answers.set(result.mutationId, result);
      if (part !== parts.at(-1) && chance(rates.dropAfter)) {
        inject("dropped_after_commit", `after part ${describe(part)}`);
        throw new TransportError("The connection broke before the reply.");
      }
    }
    return { results: request.mutations.flatMap((m) => answers.get(m.mutationId) ?? []) };
  }

  function releaseDelayed(all: boolean): void {
    while (delayed.length && (all || random.chance(0.5))) {
      const [late] = delayed.splice(random.int(0, delayed.length - 1), 1);
      inject("replayed_late", describe(late.mutations));
      inBackground(callServer(late));
      if (!all) return;
    }
  }

  // Closing the app while a request is out: the request may or may not have reached the
  // server, and nothing of this app run ever hears back.
  function closeDuring(connection: TConnection, request: TSyncRequest | null): Promise<never> {
    const reached = request !== null && random.chance(0.5);
    inject(
      "app_closed",
      request
        ? `while sending ${describe(request.mutations)}${reached ? ", after the server had it" : ", before it left"}`
        : "while downloading tasks",
    );
    if (reached) inBackground(deliver(request));
    connection.closed = true;
    closeApp?.();
    closeApp = null;
    return never();
  }

  function connect(): TConnection {
    const connection: TConnection = {
      closed: false,
      reachable: async () => !connection.closed && !(faultsOn && random.chance(rates.dropBefore)),
      async sync(request) {
        if (connection.closed) return never();
        if (faultsOn) releaseDelayed(false);
        if (closeApp) return closeDuring(connection, request);
        if (chance(rates.dropBefore)) {
          inject("dropped_before_server", describe(request.mutations));
          throw new TransportError("No connection to Fieldgate.", "offline");
        }
        if (chance(rates.replayLater)) delayed.push(structuredClone(request));
        const response = await deliver(request);
        if (chance(rates.dropAfter)) {
          inject("dropped_after_commit", describe(request.mutations));
          throw new TransportError("The connection broke before the reply.");
        }
        return response;
      },
      async fetchTasks() {
        if (connection.closed) return never();
        if (closeApp) return closeDuring(connection, null);
        if (chance(rates.dropBefore)) {
          inject("dropped_before_server", "task download");
          throw new TransportError("No connection to Fieldgate.", "offline");
        }
        return server.fetchTasks();
      },
      uploadPhoto: (photo) => (connection.closed ? never() : server.uploadPhoto(photo)),
      fetchDocument: (id) => (connection.closed ? never() : server.fetchDocument(id)),
    };
    return connection;
  }

  return {
    counts,
    serverErrors,
    trace,
    connect,
    // Resolves when the app has been closed in the middle of its next request.
    closeAppDuringNextRequest(): Promise<void> {
      return new Promise((resolve) => (closeApp = resolve));
    },
    cancelClose(): void {
      closeApp = null;
    },
    // The network is healthy from now on; requests held back still arrive, late.
    stopFaults(): void {
      faultsOn = false;
      releaseDelayed(true);
    },
    // Every copy still on its way has reached the server.
    async settled(): Promise<void> {
      while (background.size) await Promise.all([...background]);
    },
  };
}

export type TFaultyNetwork = ReturnType<typeof createFaultyNetwork>;
