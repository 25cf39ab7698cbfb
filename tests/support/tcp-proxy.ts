/**
 * A TCP relay in front of a local service, to take the service away and bring it back
 * (an outage as a client sees one: connections refused, open ones cut) while the
 * service itself keeps running.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** host:port clients should use. */
  host: string;
  /** Refuses new connections and cuts open ones: nothing listens on the port any more. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string, port: number): Promise<TcpProxy> {
  const [targetHost, targetPort] = target.split(":");
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(Number(targetPort), targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await listen();
  return { host: `127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
