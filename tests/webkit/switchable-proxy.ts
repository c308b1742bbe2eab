import { createServer, connect, type Server, type Socket } from "node:net";

// A TCP proxy in front of the app that the test can cut off: "offline" closes every open
// connection and refuses new ones, as a phone losing its signal sees it. WebDriver has no
// command to take WebKitGTK offline.
export async function startSwitchableProxy(listenPort: number, targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, "127.0.0.1");
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.once("error", reject);
      server.listen(listenPort, "127.0.0.1", () => resolve());
    });

  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return { goOffline: close, goOnline: listen, stop: close };
}
