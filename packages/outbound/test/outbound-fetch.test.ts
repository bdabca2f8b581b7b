import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from '../src/address-policy';
import { outboundRefusal } from '../src/guarded-agent';
import { outboundFetch } from '../src/outbound-fetch';
import { readLimited } from '../src/read-limited';

/** Real connections to a local server: the guard works on sockets, not on URLs. */
describe('outboundFetch', () => {
  let server: http.Server;
  let port: number;
  let written = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect-inward') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/hello` });
        return res.end();
      }
      if (req.url === '/huge') {
        // 50 MB, written only as fast as the client reads (back-pressure).
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 120);
        let left = 50 * 1024 * 1024;
        const pump = () => {
          while (left > 0) {
            left -= chunk.length;
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (left = 0));
        return pump();
      }
      res.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function refusalOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    return outboundRefusal(error);
  }

  it('refuses a loopback address unless the operator allowed it', async () => {
    const closed = outboundFetch(parseAllowList(''));
    const refusal = await refusalOf(closed(`http://127.0.0.1:${port}/hello`));
    expect(refusal?.reason).toMatch(/loopback/);

    const open = outboundFetch(parseAllowList('127.0.0.1'));
    const response = await open(`http://127.0.0.1:${port}/hello`);
    expect(await response.text()).toBe('hello');
    await Promise.all([closed.close(), open.close()]);
  });

  it('refuses a name that resolves inward (checked after DNS resolution)', async () => {
    const guarded = outboundFetch(parseAllowList(''));
    const refusal = await refusalOf(guarded(`http://localhost:${port}/hello`));
    expect(refusal?.host).toBe('localhost');
    expect(refusal?.reason).toMatch(/loopback/);
    await guarded.close();
  });

  it('refuses the metadata address without trying it', async () => {
    const guarded = outboundFetch(parseAllowList('169.254.0.0/16'));
    const refusal = await refusalOf(guarded('http://169.254.169.254/latest/meta-data/', { signal: AbortSignal.timeout(5000) }));
    expect(refusal?.reason).toMatch(/metadata/);
    await guarded.close();
  });

  it('checks a redirect target like any other destination', async () => {
    // The name is allowed; the literal address it redirects to is not.
    const guarded = outboundFetch(parseAllowList('localhost'));
    const direct = await guarded(`http://localhost:${port}/hello`);
    expect(await direct.text()).toBe('hello');
    const refusal = await refusalOf(guarded(`http://localhost:${port}/redirect-inward`));
    expect(refusal?.host).toBe('127.0.0.1');
    await guarded.close();
  });

  it('request goes through the same guard: refused inward unless allowed, a redirect is the answer', async () => {
    const closed = outboundFetch(parseAllowList(''));
    const refusal = await refusalOf(closed.request(`http://localhost:${port}/hello`, { method: 'GET', headers: {} }));
    expect(refusal?.host).toBe('localhost');
    expect(refusal?.reason).toMatch(/loopback/);
    const metadata = outboundFetch(parseAllowList('169.254.0.0/16'));
    const refusedMetadata = await refusalOf(metadata.request('http://169.254.169.254/latest/meta-data/', { method: 'GET', headers: {}, signal: AbortSignal.timeout(5000) }));
    expect(refusedMetadata?.reason).toMatch(/metadata/);

    const open = outboundFetch(parseAllowList('127.0.0.1'));
    const answer = await open.request(`http://127.0.0.1:${port}/hello`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.text()).toBe('hello');
    const redirect = await open.request(`http://127.0.0.1:${port}/redirect-inward`, { method: 'GET', headers: {} });
    expect(redirect.statusCode).toBe(302);
    await redirect.body.dump();
    await Promise.all([closed.close(), metadata.close(), open.close()]);
  });

  it('reads a 50 MB answer only up to the cap and drops the rest', async () => {
    const guarded = outboundFetch(parseAllowList('127.0.0.1'));
    const response = await guarded(`http://127.0.0.1:${port}/huge`);
    const cap = 1024 * 1024;
    const body = await readLimited(response.body as ReadableStream<Uint8Array>, cap);
    expect(body.truncated).toBe(true);
    expect(body.bytes.length).toBe(cap);
    // At most one chunk past the cap was taken from the network...
    expect(body.bytesRead).toBeLessThan(cap + 1024 * 1024);
    // ...and the server, held back by the closed connection, never wrote most of the 50 MB.
    expect(written).toBeLessThan(20 * 1024 * 1024);
    await guarded.close();
  });
});
