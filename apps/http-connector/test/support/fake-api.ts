import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type FakeRoute = (request: FakeRequest, res: http.ServerResponse) => void;

export interface FakeApi {
  url: string;
  requests: FakeRequest[];
  /** Bytes the streaming route has written so far. */
  streamed: { bytes: number };
  route(method: string, path: string, handler: FakeRoute): void;
  close(): Promise<void>;
}

/** A foreign API for the tests: routes set per test, every request recorded. */
export async function startFakeApi(): Promise<FakeApi> {
  const routes = new Map<string, FakeRoute>();
  const requests: FakeRequest[] = [];
  const streamed = { bytes: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(request);
      const handler = routes.get(`${request.method} ${request.path}`);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'no such route' }));
      }
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    streamed,
    route: (method, path, handler) => routes.set(`${method} ${path}`, handler),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** 50 MB of JSON-ish bytes, written only as fast as the reader takes them; counts what was written. */
export function streamHuge(res: http.ServerResponse, counter: { bytes: number }, totalBytes = 50 * 1024 * 1024): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 32);
  let left = totalBytes;
  res.on('close', () => (left = 0));
  const pump = () => {
    while (left > 0) {
      left -= chunk.length;
      counter.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.write('[');
  pump();
}
