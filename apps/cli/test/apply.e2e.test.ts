import fs from 'node:fs';
import path from 'node:path';
import { createInterflowClient, orThrow } from '@interflow/client';
import { BodyValidator } from '../src/apply/body-validator';
import { executePlan } from '../src/apply/execute';
import { readManifests } from '../src/apply/manifest';
import { planApply } from '../src/apply/plan';
import { readState } from '../src/apply/state';
import { type CliHarness, expectExit, startCliHarness } from './support/cli-harness';

const EXAMPLES = path.resolve(__dirname, '../../../examples/integrations');
const SECRETS = { EXAMPLE_ORDERS_SIGNING_SECRET: 'x'.repeat(40), SHOP_API_KEY: 'key-one' };

let cli: CliHarness;
let repo: string;

/** A copy of the sample repository the test may edit. */
function copyExamples(name: string): string {
  const target = path.join(cli.dir, name);
  fs.cpSync(EXAMPLES, target, { recursive: true });
  return target;
}

const apply = (args: string[], env: Record<string, string> = SECRETS) => cli.run(['apply', ...args], { env });

async function snapshot(): Promise<string> {
  const exported = await cli.run(['export']);
  expectExit(exported, 0);
  return exported.stdout;
}

beforeAll(async () => {
  cli = await startCliHarness();
  repo = copyExamples('repo');
});

afterAll(async () => {
  await cli?.close();
});

describe('interflow apply', () => {
  it('creates every object of the sample repository, references resolved, credentials from the environment', async () => {
    const first = await apply(['-f', repo]);
    expect(first.stderr).toBe('');
    expectExit(first, 0);
    expect(first.stdout).toContain('9 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged');
    const deployment = await cli.run(['describe', 'deployment', 'shop-production', '-o', 'json']);
    const stored = JSON.parse(deployment.stdout) as { credentials: Record<string, string>; max_concurrency: number };
    expect(stored.credentials).toEqual({ api_key: '[redacted]' });
    expect(stored.max_concurrency).toBe(4);
    const schedules = await cli.run(['get', 'schedules', '-o', 'json']);
    const [schedule] = (JSON.parse(schedules.stdout) as { items: { name: string; target: { action_id: string } }[] }).items;
    const action = JSON.parse((await cli.run(['describe', 'action', 'poll-new-orders', '-o', 'json'])).stdout) as { id: string };
    expect(schedule?.target.action_id).toBe(action.id);
    expect(first.stdout).not.toContain('key-one');
  });

  it('changes nothing the second time', async () => {
    const before = await snapshot();
    const second = await apply(['-f', repo]);
    expectExit(second, 0);
    expect(second.stdout).toContain('0 to create, 0 to update, 0 to replace, 0 to delete, 9 unchanged');
    expect(second.stdout).toContain('nothing to change');
    expect(await snapshot()).toBe(before);
  });

  it('shows an edit as a diff with --dry-run without changing anything, then applies exactly it', async () => {
    const file = path.join(repo, 'orders-connector.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('timeout_ms: 20000', 'timeout_ms: 45000').replace('*/5 * * * *', '*/10 * * * *'));
    const before = await snapshot();
    const dry = await apply(['-f', repo, '--dry-run']);
    expectExit(dry, 0);
    expect(dry.stdout).toContain('~ update Action poll-new-orders\n    timeout_ms: 20000 → 45000');
    expect(dry.stdout).toContain('~ update Schedule poll-orders-every-5-minutes');
    expect(dry.stdout).toContain('0 to create, 2 to update, 0 to replace, 0 to delete, 7 unchanged');
    expect(await snapshot()).toBe(before);
    const real = await apply(['-f', repo]);
    expectExit(real, 0);
    const action = JSON.parse((await cli.run(['describe', 'action', 'poll-new-orders', '-o', 'json'])).stdout) as { timeout_ms: number };
    expect(action.timeout_ms).toBe(45000);
    const schedule = JSON.parse((await cli.run(['describe', 'schedule', 'poll-orders-every-5-minutes', '-o', 'json'])).stdout) as {
      rule: { expression: string };
    };
    expect(schedule.rule.expression).toBe('*/10 * * * *');
    expect((await apply(['-f', repo])).stdout).toContain('nothing to change');
  });

  it('notices a changed credential value without ever printing it', async () => {
    const changed = await apply(['-f', repo], { ...SECRETS, SHOP_API_KEY: 'key-two' });
    expectExit(changed, 0);
    expect(changed.stdout).toContain('~ update Deployment shop-production\n    credentials:');
    expect(changed.stdout).not.toContain('key-two');
    expect((await apply(['-f', repo], { ...SECRETS, SHOP_API_KEY: 'key-two' })).stdout).toContain('nothing to change');
  });

  it('prunes exactly what the files dropped, and never what it did not create', async () => {
    const client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
    await orThrow(client.POST('/v1/queues', { body: { name: 'made-by-hand' } }));
    const messaging = path.join(repo, 'messaging.yaml');
    const [exchange, queue] = fs.readFileSync(messaging, 'utf8').split('\n---\n');
    fs.writeFileSync(messaging, `${exchange}\n---\n${queue}\n`);
    const kept = await apply(['-f', repo]);
    expect(kept.stdout).toContain('! Binding orders-to-audit is no longer declared (kept; --prune deletes it)');
    expect((await cli.run(['get', 'bindings', '-o', 'json'])).stdout).toContain('"orders.audit"');
    const pruned = await apply(['-f', repo, '--prune']);
    expectExit(pruned, 0);
    expect(pruned.stdout).toContain('- delete Binding orders-to-audit');
    expect(pruned.stdout).toContain('0 to create, 0 to update, 0 to replace, 1 to delete');
    const bindings = JSON.parse((await cli.run(['get', 'bindings', '-o', 'json'])).stdout) as { items: { queue: string }[] };
    expect(bindings.items.filter((b) => b.queue === 'orders.audit')).toEqual([]);
    expect((await cli.run(['get', 'queues', 'made-by-hand'])).code).toBe(0);
    expect((await cli.run(['get', 'queues', 'orders.audit'])).code).toBe(0);
  });

  it('round-trips: export, then apply of the export, changes nothing', async () => {
    const exported = await snapshot();
    expect(exported).not.toContain('key-');
    expect(exported).toContain('kind: Subscription');
    const file = path.join(cli.dir, 'exported.yaml');
    fs.writeFileSync(file, exported);
    const again = await apply(['-f', file]);
    expectExit(again, 0);
    expect(again.stdout).toMatch(/0 to create, 0 to update, 0 to replace, 0 to delete/);
    const viaStdin = await cli.run(['apply', '-f', '-', '--dry-run'], { stdin: exported, env: SECRETS });
    expect(viaStdin.stdout).toMatch(/0 to create, 0 to update, 0 to replace, 0 to delete/);
  });

  it.each([
    ['a wrong type', 'timeout_ms: 20000', 'timeout_ms: soon', /orders-connector\.yaml: document 3 \(line \d+\), field spec\.timeout_ms: must be integer/],
    ['an unknown field', 'timeout_ms: 20000', 'timeout: 20000', /document 3 \(line \d+\), field spec\.timeout: unknown field/],
    ['a missing reference', 'deployment: shop-production\n  method: create-order', 'deployment: shop-staging\n  method: create-order', /document 4 \(line \d+\), field spec\.deployment: no Deployment named 'shop-staging'/],
    ['a secret written in the file', 'api_key:\n      env: SHOP_API_KEY', 'api_key: hunter2', /document 2 \(line \d+\), field spec\.credentials\.api_key: expected \{env: VARIABLE\}/],
    ['broken YAML', 'kind: Schedule', 'kind: Schedule\n  bad: [', /document \d+ \(line \d+\): not valid YAML/],
  ])('refuses %s, naming the file, document and field, and changes nothing', async (_case, from, to, expected) => {
    const broken = copyExamples(`broken-${_case.replace(/\W+/g, '-')}`);
    const file = path.join(broken, 'orders-connector.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(from);
    // Also a change that would otherwise be applied, to prove nothing is.
    fs.writeFileSync(file, text.replace(from, to).replace('description: The production shop', 'description: changed'));
    const before = await snapshot();
    const result = await apply(['-f', broken]);
    expectExit(result, 2);
    expect(result.stderr).toMatch(expected);
    expect(await snapshot()).toBe(before);
  });

  it('detects a concurrent apply through the apply set ETag, before changing anything', async () => {
    const client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
    const racing = copyExamples('racing');
    fs.appendFileSync(path.join(racing, 'messaging.yaml'), '---\napiVersion: interflow/v1\nkind: Queue\nmetadata:\n  name: racing\nspec: {}\n');
    const state = await readState(client, 'default');
    const validator = new BodyValidator();
    const plan = planApply(readManifests([racing], cli.dir, () => ''), state, { prune: false, validator, env: SECRETS });
    expect(plan.changes.some((c) => c.op === 'create' && c.name === 'racing')).toBe(true);
    // Someone else applies in between.
    const current = await orThrow(client.GET('/v1/apply-sets/{name}', { params: { path: { name: 'default' } } }));
    await orThrow(client.PUT('/v1/apply-sets/{name}', { params: { path: { name: 'default' }, header: { 'If-Match': current.etag } }, body: { objects: current.objects } }));
    await expect(executePlan(client, plan, state, { validator, env: SECRETS, log: () => undefined })).rejects.toMatchObject({ status: 412 });
    expect((await cli.run(['get', 'queues', 'racing'])).code).toBe(1);
  });

  it('detects an object changed by someone else between the read and the write (ETag), says so and does not overwrite it', async () => {
    const client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
    const edited = copyExamples('edited');
    const file = path.join(edited, 'orders-connector.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('timeout_ms: 20000', 'timeout_ms: 30000'));
    const state = await readState(client, 'default');
    const validator = new BodyValidator();
    const plan = planApply(readManifests([edited], cli.dir, () => ''), state, { prune: false, validator, env: SECRETS });
    expect(plan.changes.find((c) => c.kind === 'Action' && c.name === 'poll-new-orders')?.op).toBe('update');
    const action = plan.changes.find((c) => c.name === 'poll-new-orders')?.stored;
    // Someone edits the action by hand after apply read it.
    await orThrow(client.PATCH('/v1/actions/{id}', { params: { path: { id: String(action?.id) } }, body: { timeout_ms: 50000 } }));
    await expect(executePlan(client, plan, state, { validator, env: SECRETS, log: () => undefined })).rejects.toThrow(
      'Action poll-new-orders was changed by someone else after apply read it; it was not overwritten',
    );
    const stored = JSON.parse((await cli.run(['describe', 'action', 'poll-new-orders', '-o', 'json'])).stdout) as { timeout_ms: number };
    expect(stored.timeout_ms).toBe(50000);
    // Applied again, the diff is against what is there now.
    const again = await apply(['-f', edited, '--dry-run']);
    expect(again.stdout).toContain('~ update Action poll-new-orders\n    timeout_ms: 50000 → 30000');
  });
});
