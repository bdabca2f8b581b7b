import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAction, createDeployment, registerService } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { outboundFetch, parseAllowList } from '@interflow/outbound';
import { callConnector } from '../src/call-connector';
import { readCappedBody } from '../src/capped-body';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * A "connector" that answers with far more than any cap: `offerBytes` of text, written
 * with backpressure, so what it manages to write is what the reader took in (plus the
 * sockets' buffers). Records, per request, how much it wrote and whether the reader hung up.
 */
interface Flood {
  url: string;
  answers: { written: number; hungUp: boolean; finished: boolean }[];
  close(): Promise<void>;
}

async function startFlood(options: { offerBytes: number; status?: number; declareLength?: boolean }): Promise<Flood> {
  const answers: Flood['answers'] = [];
  const server = http.createServer((req, res) => {
    const answer = { written: 0, hungUp: false, finished: false };
    answers.push(answer);
    req.resume();
    res.on('close', () => {
      if (!answer.finished) answer.hungUp = true;
    });
    res.writeHead(options.status ?? 200, {
      'content-type': 'text/plain',
      ...(options.declareLength ? { 'content-length': String(options.offerBytes) } : {}),
    });
    const pump = () => {
      while (answer.written < options.offerBytes && !res.destroyed) {
        answer.written += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      if (!res.destroyed) {
        answer.finished = true;
        res.end();
      }
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The flood listens on loopback: allowed here, explicitly. */
const loopbackFetch = outboundFetch(parseAllowList('127.0.0.1'));
afterAll(() => loopbackFetch.close());

function call(baseUrl: string, maxResponseBytes: number) {
  return callConnector({
    baseUrl,
    verb: 'POST',
    path: '/methods/flood',
    signingSecret: 'test-signing-secret',
    envelope: {
      deployment: { id: 'd', name: 'd', connection: {}, credentials: {} },
      input: {},
      run: { id: 'r', action_id: 'a' },
      attempt: 1,
    },
    timeoutMs: 60_000,
    maxResponseBytes,
    signal: new AbortController().signal,
    now: () => new Date(),
    request: loopbackFetch.request,
  });
}

describe('the cap on a connector answer', () => {
  it('reads at most the cap (plus one chunk) of a 1 GiB answer and hangs up on the sender', async () => {
    const flood = await startFlood({ offerBytes: 1024 * MiB });
    try {
      const response = await loopbackFetch.request(`${flood.url}/`, { method: 'GET', headers: {} });
      const read = await readCappedBody(response, 1 * MiB);
      expect(read.complete).toBe(false);
      expect(read.bytesRead).toBeGreaterThan(1 * MiB);
      expect(read.bytesRead).toBeLessThanOrEqual(1 * MiB + 256 * 1024);
      expect(Buffer.byteLength(read.text)).toBe(1 * MiB);
      const [answer] = await waitFor(() => (flood.answers[0]?.hungUp ? flood.answers : null), {
        description: 'the sender to see the connection dropped',
      });
      // what the sender got rid of is the cap plus what sockets buffer, nowhere near the offer
      expect(answer?.finished).toBe(false);
      expect(answer?.written).toBeLessThan(64 * MiB);
    } finally {
      await flood.close();
    }
  });

  it('a 2xx answer past the cap is a permanent failure naming the limit', async () => {
    const flood = await startFlood({ offerBytes: 1024 * MiB });
    try {
      const { outcome } = await call(flood.url, 2 * MiB);
      expect(outcome).toMatchObject({ kind: 'permanent', status: 200, body: null });
      expect(outcome.kind === 'permanent' && outcome.error).toMatch(
        /larger than the runner accepts \(RUNNER_MAX_RESPONSE_BYTES = 2097152 bytes\): it was cut off after \d+ bytes/,
      );
      await waitFor(() => flood.answers[0]?.hungUp, { description: 'the connector to see the call dropped' });
      expect(flood.answers[0]?.written).toBeLessThan(64 * MiB);
    } finally {
      await flood.close();
    }
  });

  it('a declared Content-Length past the cap is refused before reading', async () => {
    const flood = await startFlood({ offerBytes: 512 * MiB, declareLength: true });
    try {
      const { outcome } = await call(flood.url, 1 * MiB);
      expect(outcome.kind === 'permanent' && outcome.error).toMatch(/declares 536870912 bytes/);
      await waitFor(() => flood.answers[0]?.hungUp, { description: 'the connector to see the call dropped' });
    } finally {
      await flood.close();
    }
  });

  it('a failure answer past the cap keeps its classification, with the text cut', async () => {
    const flood = await startFlood({ offerBytes: 256 * MiB, status: 502 });
    try {
      const { outcome } = await call(flood.url, 1 * MiB);
      expect(outcome).toMatchObject({ kind: 'transient', status: 502 });
      expect(typeof outcome.body === 'string' && outcome.body.length).toBeLessThan(70 * 1024);
    } finally {
      await flood.close();
    }
  });

  it('an answer within the cap is read whole', async () => {
    const flood = await startFlood({ offerBytes: 3 * CHUNK.length });
    try {
      const { outcome } = await call(flood.url, 1 * MiB);
      expect(outcome.kind).toBe('succeeded');
      expect(outcome.kind === 'succeeded' && (outcome.body as string).length).toBeGreaterThan(0);
      expect(flood.answers[0]?.finished).toBe(true);
    } finally {
      await flood.close();
    }
  });
});

describe('a runner calling a connector that answers far more than RUNNER_MAX_RESPONSE_BYTES', () => {
  let world: RunnerWorld;
  let flood: Flood;

  beforeAll(async () => {
    world = await createRunnerWorld();
    flood = await startFlood({ offerBytes: 1024 * MiB });
  });

  afterAll(async () => {
    await world.close();
    await flood.close();
  });

  it('fails the run with the reason, after reading no more than the cap', async () => {
    const { service } = await registerService(world.db.sql, world.keyring, {
      name: 'flood',
      baseUrl: flood.url,
      methods: [{ name: 'flood', http_method: 'POST', path: '/methods/flood', description: null, input_schema: null }],
    });
    const created = await createDeployment(world.db.sql, world.keyring, {
      name: 'flood-deployment',
      serviceId: service.id,
      connection: {},
      credentials: {},
      rateLimit: null,
      maxConcurrency: null,
    });
    const { action } = await createAction(world.db.sql, { name: 'flood-action', deploymentId: created.id, method: 'flood' });
    const runner = await world.startRunner({ RUNNER_MAX_RESPONSE_BYTES: String(1 * MiB) });
    await world.requestRun(action.id, {});
    const run = await waitFor(async () => (await world.runsOf(action.id)).find((r) => r.status === 'failed'), {
      description: 'the run to fail',
    });
    expect(run.error).toContain('RUNNER_MAX_RESPONSE_BYTES = 1048576 bytes');
    expect(flood.answers).toHaveLength(1);
    await waitFor(() => flood.answers[0]?.hungUp, { description: 'the runner to hang up' });
    expect(flood.answers[0]?.written).toBeLessThan(64 * MiB);
    expect(runner.child.exitCode).toBeNull();
  });
});
