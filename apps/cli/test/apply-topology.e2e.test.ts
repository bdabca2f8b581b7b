import fs from 'node:fs';
import path from 'node:path';
import { createInterflowClient, orThrow, type InterflowClient } from '@interflow/client';
import { type CliHarness, expectExit, startCliHarness } from './support/cli-harness';

const EXAMPLES = path.resolve(__dirname, '../../../examples/integrations');
const SECRETS = { EXAMPLE_ORDERS_SIGNING_SECRET: 'x'.repeat(40), SHOP_API_KEY: 'key-one' };

let cli: CliHarness;
let client: InterflowClient;
let repo: string;
let messaging: string;

const apply = (args: string[]) => cli.run(['apply', '-f', repo, ...args], { env: SECRETS });
const edit = (from: string, to: string) => {
  const text = fs.readFileSync(messaging, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(messaging, text.replace(from, to));
};
const bindingsOn = async (exchange: string) =>
  (await orThrow(client.GET('/v1/bindings', { params: { query: { limit: 500 } } }))).items.filter((b) => b.exchange === exchange).map((b) => b.queue).sort();

beforeAll(async () => {
  cli = await startCliHarness();
  client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
  repo = path.join(cli.dir, 'repo');
  fs.cpSync(EXAMPLES, repo, { recursive: true });
  messaging = path.join(repo, 'messaging.yaml');
  expect((await apply([])).code).toBe(0);
});

afterAll(async () => {
  await cli?.close();
});

describe('interflow apply: topology that changes', () => {
  it('applies a changed queue policy in place, keeping the messages and the fields the file does not name', async () => {
    await orThrow(client.POST('/v1/queues/{name}/publish', { params: { path: { name: 'orders.audit' } }, body: { payload: { n: 1 } } }));
    edit('max_attempts: 5', 'max_attempts: 7');
    const dry = await apply(['--dry-run']);
    expect(dry.stdout).toContain('~ update Queue orders.audit\n    policy:');
    expect(dry.stdout).toContain('0 to create, 1 to update, 0 to replace, 0 to delete');
    const real = await apply([]);
    expect([real.code, real.stderr]).toEqual([0, '']);
    expect(real.stdout).toContain('Queue orders.audit updated (policy)');
    const queue = await orThrow(client.GET('/v1/queues/{name}', { params: { path: { name: 'orders.audit' } } }));
    expect(queue.policy).toMatchObject({ max_attempts: 7, message_ttl_ms: 604800000 });
    const stats = await orThrow(client.GET('/v1/queues/{name}/stats', { params: { path: { name: 'orders.audit' } } }));
    expect(stats.ready).toBe(1);
    expect((await apply([])).stdout).toContain('nothing to change');
  });

  it("refuses an exchange's new type without --replace-exchanges, naming file, document and field, and changes nothing", async () => {
    edit('type: topic', 'type: direct');
    const refused = await apply([]);
    expectExit(refused, 2);
    expect(refused.stderr).toMatch(/messaging\.yaml: document 1 \(line \d+\), field spec\.type: Exchange orders exists with type topic; .*--replace-exchanges/);
    expect((await orThrow(client.GET('/v1/exchanges/{name}', { params: { path: { name: 'orders' } } }))).type).toBe('topic');
  });

  it('with --replace-exchanges, deletes and creates the exchange again with what the files declare on it, saying what else goes', async () => {
    await orThrow(client.POST('/v1/queues', { body: { name: 'made-by-hand' } }));
    await orThrow(client.POST('/v1/bindings', { body: { exchange: 'orders', queue: 'made-by-hand', binding_key: 'order.#' } }));
    const subscriptionQueueBefore = (await bindingsOn('orders')).find((queue) => queue.startsWith('interflow.subscription.'));
    expect(subscriptionQueueBefore).toBeDefined();

    const dry = await apply(['--replace-exchanges', '--dry-run']);
    expectExit(dry, 0);
    expect(dry.stdout).toContain('- delete Subscription create-order-on-request (on exchange orders, which is replaced; created again after it)');
    expect(dry.stdout).toContain('- delete Binding orders-to-audit (on exchange orders, which is replaced; created again after it)');
    expect(dry.stdout).toContain('- delete Binding orders.made-by-hand.order._ (on exchange orders, which is replaced; no file declares it)');
    expect(dry.stdout).toContain('± replace Exchange orders\n    type: topic → direct');
    expect(dry.stdout).toContain('2 to create, 0 to update, 1 to replace, 3 to delete');
    expect(await bindingsOn('orders')).toHaveLength(3);

    const real = await apply(['--replace-exchanges']);
    expect([real.code, real.stderr]).toEqual([0, '']);
    expect((await orThrow(client.GET('/v1/exchanges/{name}', { params: { path: { name: 'orders' } } }))).type).toBe('direct');
    const after = await bindingsOn('orders');
    expect(after).toHaveLength(2);
    expect(after).toContain('orders.audit');
    expect(after.find((queue) => queue.startsWith('interflow.subscription.'))).not.toBe(subscriptionQueueBefore);
    expect((await cli.run(['export'])).stdout).toMatch(/kind: Subscription\nmetadata:\n {2}name: create-order-on-request\n/);
    expect((await apply([])).stdout).toContain('nothing to change');
  });
});
