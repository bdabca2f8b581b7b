import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A foreign API with one collection (`GET /things` → `{ items: [...] }`) the test edits
 * between polls; it can be told to fail its next calls with 500.
 */
export interface FakeCollectionApi {
  url: string;
  things: Map<string, { id: string; title: string }>;
  /** GET /things calls answered so far (failures included). */
  calls: number;
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startFakeCollectionApi(): Promise<FakeCollectionApi> {
  let failures = 0;
  const api: FakeCollectionApi = {
    url: '',
    things: new Map(),
    calls: 0,
    failNext(count) {
      failures = count;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    if (req.url !== '/things') {
      res.writeHead(404).end();
      return;
    }
    api.calls += 1;
    if (failures > 0) {
      failures -= 1;
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'the collection is resting' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [...api.things.values()] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
