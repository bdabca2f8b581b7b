import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createLogger } from '@interflow/core';
import { answerUnparsableRequests } from '../src/http/unparsable-requests';
import { tableDigest } from './support/table-digest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let server: Server;
let port: number;
const logLines: string[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  api = await createTestApi({ logger: createLogger({ service: 'api-test', level: 'warn', stream }) });
  server = api.app.listen(0, '127.0.0.1');
  answerUnparsableRequests(server, api.deps.logger);
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await api?.close();
});

/** Writes the bytes on a fresh connection and reads until the server closes it. */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe("what node's HTTP parser refuses", () => {
  it.each([
    ['a NUL in a header value', Buffer.from('GET /v1/queues HTTP/1.1\r\nHost: x\r\nX-Thing: a\u0000b\r\n\r\n', 'latin1')],
    ['a raw non-ASCII byte in the path', Buffer.concat([Buffer.from('GET /v1/queues/'), Buffer.from([0xe9]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')])],
    ['a broken chunked body', Buffer.from('POST /v1/hooks/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n')],
  ])('%s is a 400 in the error shape, one warn line, nothing stored', async (_name, bytes) => {
    const before = await tableDigest(api);
    const warnings = logLines.length;
    const answer = await exchange(bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Connection: close');
    expect(JSON.parse(body)).toEqual({
      error: { code: 'malformed_http', message: 'the request is not well-formed HTTP', details: { parser_error: expect.stringMatching(/^HPE_/) } },
    });
    const added = logLines.slice(warnings).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(added).toEqual([expect.objectContaining({ level: 'warn', message: 'request refused', status: 400, code: 'malformed_http' })]);
    expect(logLines.slice(warnings).join('')).not.toContain('stack');
    expect(await tableDigest(api)).toEqual(before);
  });

  it('a request line and headers over 16 KB is a 431 in the error shape', async () => {
    const answer = await exchange(Buffer.from(`GET /v1/queues?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toMatchObject({ error: { code: 'malformed_http', details: { parser_error: 'HPE_HEADER_OVERFLOW' } } });
  });
});
