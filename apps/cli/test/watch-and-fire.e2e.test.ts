import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eventLogHead, formatEventPosition } from '@interflow/event-log';
import { waitFor } from '@interflow/test-kit';
import { type CliHarness, type CliResult, expectExit, startCliHarness } from './support/cli-harness';
import { startCuttableProxy } from './support/cuttable-proxy';

let cli: CliHarness;

beforeAll(async () => {
  cli = await startCliHarness();
  const manifest = path.join(cli.dir, 'actions.yaml');
  fs.writeFileSync(
    manifest,
    [
      'apiVersion: interflow/v1\nkind: Service\nmetadata: {name: nowhere}\nspec:\n  base_url: http://127.0.0.1:9\n  methods: [{name: ping, path: /ping}]',
      'apiVersion: interflow/v1\nkind: Deployment\nmetadata: {name: nowhere-prod}\nspec: {service: nowhere}',
      'apiVersion: interflow/v1\nkind: Action\nmetadata: {name: ping}\nspec: {deployment: nowhere-prod, method: ping}',
      'apiVersion: interflow/v1\nkind: Action\nmetadata: {name: pong}\nspec: {deployment: nowhere-prod, method: ping}',
      'apiVersion: interflow/v1\nkind: Deployment\nmetadata: {name: nowhere-staging}\nspec: {service: nowhere}',
      'apiVersion: interflow/v1\nkind: Action\nmetadata: {name: ping-staging}\nspec: {deployment: nowhere-staging, method: ping}',
      'apiVersion: interflow/v1\nkind: Queue\nmetadata: {name: ticks}\nspec: {}',
      'apiVersion: interflow/v1\nkind: Schedule\nmetadata: {name: hourly}\nspec:\n  target: {type: exchange, exchange: "", routing_key: ticks}\n  rule: {type: interval, every_ms: 3600000}',
    ].join('\n---\n'),
  );
  const applied = await cli.run(['apply', '-f', manifest]);
  expectExit(applied, 0);
});

afterAll(async () => {
  await cli?.close();
});

const EVENT_WAIT_MS = 30_000;

async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${cli.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${cli.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function actionId(name: string): Promise<string> {
  const page = await api<{ items: { id: string; name: string }[] }>('GET', '/v1/actions?limit=100');
  return String(page.items.find((item) => item.name === name)?.id);
}

async function startRun(action: string): Promise<string> {
  return (await api<{ id: string }>('POST', `/v1/actions/${action}/runs`, { input: {} })).id;
}

const watchedRuns = (output: CliResult) =>
  output.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string; run_id: string; action_id: string; event_id: string });

describe('interflow runs watch (the live event stream)', () => {
  it('shows only the runs its filter names, and resumes after a dropped connection without losing or repeating one', async () => {
    const [ping, pong] = [await actionId('ping'), await actionId('pong')];
    const before = await startRun(ping);
    // Start after the log's stable head as it is now: everything after it is replayed, so no
    // run below races the subscription. (The head may lie before `before` while another
    // transaction is open, so `before` may be replayed too.)
    const since = formatEventPosition(await eventLogHead(cli.db.sql));
    const proxy = await startCuttableProxy(Number(new URL(cli.url).port));
    const stop = new AbortController();
    let live: CliResult = { code: -1, stdout: '', stderr: '' };
    const watching = cli.run(['runs', 'watch', '--action', 'ping', '--since', since, '-o', 'json'], {
      env: { INTERFLOW_URL: proxy.url },
      signal: stop.signal,
      onOutput: (output) => void (live = output),
    });
    try {
      const first = await startRun(ping);
      await startRun(pong);
      await waitFor(() => watchedRuns(live).some((event) => event.run_id === first), { timeoutMs: EVENT_WAIT_MS, description: 'the first run' });

      proxy.cut();
      await waitFor(() => live.stderr.includes('event stream lost'), { timeoutMs: EVENT_WAIT_MS, description: 'the watch to notice the drop' });
      // Made while the watch is cut off: it must arrive after the reconnection, once.
      const missed = await startRun(ping);
      await startRun(pong);
      proxy.restore();
      await waitFor(() => watchedRuns(live).some((event) => event.run_id === missed), { timeoutMs: EVENT_WAIT_MS, description: 'the missed run' });
      const after = await startRun(ping);
      await waitFor(() => watchedRuns(live).some((event) => event.run_id === after), { timeoutMs: EVENT_WAIT_MS, description: 'a live run after resuming' });
      stop.abort();
      const result = await watching;
      expectExit(result, 0);
      const events = watchedRuns(result);
      expect(events.every((event) => event.action_id === ping)).toBe(true);
      expect(events.filter((event) => event.run_id === before).length).toBeLessThanOrEqual(1);
      const made = events.filter((event) => event.run_id !== before).map((event) => `${event.kind} ${event.run_id}`);
      expect(made).toEqual([`run.created ${first}`, `run.created ${missed}`, `run.created ${after}`]);
      // The last event received, which may be one the filter hid (the pong run).
      expect(result.stderr).toMatch(/event stream lost \(.+\); reconnecting\nreconnected; resuming after \d+-\d+\n/);
      expect(proxy.connections()).toBeGreaterThanOrEqual(2);
    } finally {
      stop.abort();
      await watching;
      await proxy.close();
    }
  });

  it('prints people a line per event, and stops after --count', async () => {
    // Only this test starts runs on nowhere-staging: a replay from the head shows no other.
    const ping = await actionId('ping-staging');
    const since = formatEventPosition(await eventLogHead(cli.db.sql));
    const watching = cli.run(['runs', 'watch', '--deployment', 'nowhere-staging', '--status', 'queued', '--since', since, '--count', '2']);
    const runs = [await startRun(ping), await startRun(ping)];
    const result = await watching;
    expectExit(result, 0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((line, index) => expect(line).toMatch(new RegExp(`^\\d{4}-\\S+Z {3}run\\.created {4}${runs[index]} {3}ping-staging {3}queued {6}attempts 0$`)));
  });

  it('fails with the reason when the stream refuses it or cannot be reached, and rejects bad options as usage', async () => {
    const refused = await cli.run(['runs', 'watch'], { env: { INTERFLOW_TOKEN: 'ifw_not_a_token' } });
    expectExit(refused, 1);
    expect(refused.stderr).toMatch(/\(401 unauthorized\)\n$/);
    const badSince = await cli.run(['runs', 'watch', '--since', 'yesterday']);
    expectExit(badSince, 1);
    expect(badSince.stderr).toMatch(/\(400 validation_failed\)\n {2}Last-Event-ID: expected <tx>-<id>, as in an event id\n$/);
    const closed = await startCuttableProxy(9);
    closed.cut();
    const unreachable = await cli.run(['runs', 'watch'], { env: { INTERFLOW_URL: closed.url } });
    await closed.close();
    expectExit(unreachable, 1);
    expect(unreachable.stderr).toMatch(/cannot reach/);
    expect((await cli.run(['runs', 'watch', '--status', 'sleeping'])).code).toBe(2);
    expect((await cli.run(['runs', 'watch', '--count', '0'])).code).toBe(2);
  });

  it('ends with exit code 0 on Ctrl-C, as a real process', async () => {
    const env = { PATH: process.env.PATH ?? '', INTERFLOW_URL: cli.url, INTERFLOW_TOKEN: cli.token, INTERFLOW_CONFIG: path.join(cli.dir, 'none.yaml') };
    const child = spawn(process.execPath, [path.resolve(__dirname, '../dist/main.js'), 'runs', 'watch'], { env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => stderr.includes('watching runs'), { timeoutMs: EVENT_WAIT_MS, description: 'the watch to start' });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

describe('interflow schedules fire', () => {
  it('makes a schedule due now, and with --wait reports the fire a producer made', async () => {
    const due = await cli.run(['schedules', 'fire', 'hourly']);
    expectExit(due, 0);
    expect(due.stdout).toMatch(/^schedule hourly is due now \(\d{4}-\S+Z\); a producer fires it\n$/);
    await cli.startProducer();
    const fired = await cli.run(['schedules', 'fire', 'hourly', '--wait', '60']);
    expect([fired.code, fired.stderr]).toEqual([0, '']);
    expect(fired.stdout).toMatch(/^schedule hourly fired at \S+: published\n$/);
    const depth = await api<{ ready: number }>('GET', '/v1/queues/ticks/stats');
    expect(depth.ready).toBeGreaterThanOrEqual(1);
    expect((await cli.run(['schedules', 'pause', 'hourly'])).code).toBe(0);
    const paused = await cli.run(['schedules', 'fire', 'hourly']);
    expectExit(paused, 1);
    expect(paused.stderr).toMatch(/^error: the schedule is paused; resume it before firing it \(409 conflict\)\n/);
    expect((await cli.run(['schedules', 'fire', 'hourly', '--wait', 'soon'])).code).toBe(2);
  });
});
