import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createDeployment, registerService } from '@interflow/registry';
import { freePort, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const HTTP_CONNECTOR = path.resolve(__dirname, '..', '..', 'http-connector', 'dist', 'main.js');

/**
 * The built-in HTTP connector as a process, called by two runner daemons: a foreign API
 * answering 429 with Retry-After holds every runner off the deployment for that long,
 * not just the message that got it; after the pause, every run succeeds.
 */
describe('the HTTP connector behind two runners', () => {
  let world: RunnerWorld;
  let connector: DaemonProcess;
  let api: http.Server;
  let apiUrl: string;
  const arrivals: { at: number; status: number }[] = [];
  let busyAnswered = false;

  beforeAll(async () => {
    world = await createRunnerWorld();
    api = http.createServer((req, res) => {
      const authorised = req.headers.authorization === 'Bearer api-token';
      let status = authorised ? 200 : 401;
      if (authorised && !busyAnswered) {
        busyAnswered = true;
        status = 429;
      }
      arrivals.push({ at: Date.now(), status });
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '2' } : {}) });
      res.end(JSON.stringify(status === 200 ? { items: [{ id: 1 }, { id: 2 }] } : { error: 'no' }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await connector?.stop();
    await world.close();
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
  });

  it('a 429 with Retry-After slows every runner, then the runs succeed', async () => {
    const signingSecret = crypto.randomBytes(24).toString('base64url');
    const port = await freePort();
    connector = await startDaemon({
      script: HTTP_CONNECTOR,
      env: { HTTP_CONNECTOR_PORT: String(port), CONNECTOR_SIGNING_SECRET: signingSecret, INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1', LOG_LEVEL: 'info' },
      readyUrl: `http://127.0.0.1:${port}/healthz`,
    });
    const { service } = await registerService(
      world.db.sql,
      world.keyring,
      { name: 'http', baseUrl: `http://127.0.0.1:${port}`, methods: [{ name: 'call', http_method: 'POST', path: '/call', description: null, input_schema: null }] },
      signingSecret,
    );
    const deployment = await createDeployment(world.db.sql, world.keyring, {
      name: 'things-api',
      serviceId: service.id,
      connection: { base_url: apiUrl, auth: { kind: 'bearer' }, operations: { list: { path: '/things', pick: 'items[].id' } } },
      credentials: { token: 'api-token' },
      // One call at a time, so the 429 is recorded before any other call can start.
      maxConcurrency: 1,
    });
    const actionId = await world.createAction({ deploymentId: deployment.id, method: 'call' });
    const runners = await Promise.all([world.startRunner(), world.startRunner()]);

    const total = 6;
    for (let i = 0; i < total; i++) await world.requestRun(actionId, { operation: 'list' });
    const runs = await waitFor(
      async () => {
        const all = await world.runsOf(actionId);
        return all.filter((r) => r.status === 'succeeded').length === total ? all : null;
      },
      { timeoutMs: 60_000, description: `${total} runs through the HTTP connector to succeed` },
    );
    expect(runs.every((r) => JSON.stringify(r.response) === '[1,2]')).toBe(true);

    const busy = arrivals.find((a) => a.status === 429);
    expect(busy).toBeDefined();
    const after = arrivals.filter((a) => a.at > (busy?.at ?? 0));
    expect(after).toHaveLength(total);
    // No runner called the API again before the 2 s it asked for had passed.
    for (const arrival of after) expect(arrival.at - (busy?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    // Both runners took part, and one of them was held off by the other's 429.
    // Log lines reach the test through a pipe, possibly after the rows.
    for (const runner of runners) {
      await waitFor(() => runner.logs.some((line) => line.message === 'connector call ended' && line.actionId === actionId), { description: 'a call ended by each runner' });
    }
  });
});
