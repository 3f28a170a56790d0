/** A TCP load balancer in front of the web processes (not a test file itself): each new connection goes to the first backend that accepts it. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running balancer: its URL, the backends it tries in order, and how to stop it. */
export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
}

/**
 * Like a load balancer with websocket transport: a connection stays on the
 * backend it reached; when that backend dies, the client's next connection
 * reaches the next backend that answers.
 */
export async function startLoadBalancer(backendUrls: readonly string[]): Promise<LoadBalancer> {
  const backends = backendUrls.map((url) => new URL(url));
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    const tryBackend = (index: number) => {
      const target = backends[index];
      if (!target) return client.destroy();
      const upstream = connect(Number(target.port), target.hostname);
      let connected = false;
      upstream.once('error', () => {
        if (!connected) return tryBackend(index + 1);
        client.destroy();
      });
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.on('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
