import { BodyValidator } from '../src/apply/body-validator';
import { KIND_NAMES, type KindName, type Stored } from '../src/apply/kinds';
import { ManifestError, parseManifest } from '../src/apply/manifest';
import { planApply } from '../src/apply/plan';
import type { ClusterState, ManagedRecord } from '../src/apply/state';

const validator = new BodyValidator();
const DEPLOYMENT_ID = '22222222-2222-4222-8222-222222222222';

function state(stored: Partial<Record<KindName, Stored[]>>, records: ManagedRecord[] = []): ClusterState {
  const all = Object.fromEntries(KIND_NAMES.map((kind) => [kind, stored[kind] ?? []])) as Record<KindName, Stored[]>;
  return { stored: all, applySet: { name: 'default', records, etag: records.length ? '"1"' : undefined } };
}

const queue = (name: string, policy: Record<string, unknown> = {}): Stored => ({
  id: name,
  key: name,
  raw: { name, policy: { max_attempts: 5, message_ttl_ms: null, dead_letter_queue: null, ...policy }, created_at: 'x' },
});
const deployment: Stored = { id: DEPLOYMENT_ID, key: 'prod', raw: { id: DEPLOYMENT_ID, name: 'prod', credentials: {}, etag: '"e"' } };
const action = (timeout: number): Stored => ({
  id: '33333333-3333-4333-8333-333333333333',
  key: 'poll',
  raw: { id: '33333333-3333-4333-8333-333333333333', name: 'poll', deployment_id: DEPLOYMENT_ID, method: 'list', default_input: {}, timeout_ms: timeout },
});
const binding: Stored = {
  id: 'b1',
  key: JSON.stringify(['ex', 'q', 'a.*', {}, 'all']),
  raw: { id: 'b1', exchange: 'ex', queue: 'q', binding_key: 'a.*', headers: {}, headers_match: 'all' },
};

const doc = (kind: string, name: string, spec: string) => `apiVersion: interflow/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}\n`;
const plan = (yaml: string, current: ClusterState, prune = false) =>
  planApply(parseManifest(yaml, 'test.yaml'), current, { prune, validator, env: {} }).changes.map((c) => [c.op, c.kind, c.name, c.fields.map((f) => f.field)]);

describe('planApply', () => {
  it.each([
    ['a new queue is created', doc('Queue', 'q', '  policy: {max_attempts: 5}'), state({}), [['create', 'Queue', 'q', []]]],
    ['an identical queue made by hand is adopted', doc('Queue', 'q', '  policy: {max_attempts: 5}'), state({ Queue: [queue('q')] }), [['adopt', 'Queue', 'q', []]]],
    [
      'a managed identical queue is unchanged',
      doc('Queue', 'q', '  policy: {max_attempts: 5}'),
      state({ Queue: [queue('q')] }, [{ kind: 'Queue', name: 'q', id: 'q' }]),
      [['unchanged', 'Queue', 'q', []]],
    ],
    [
      'a changed action field is an update of that field only',
      doc('Action', 'poll', '  deployment: prod\n  method: list\n  timeout_ms: 9000'),
      state({ Deployment: [deployment], Action: [action(5000)] }),
      [['update', 'Action', 'poll', ['timeout_ms']]],
    ],
    [
      'a reference to an object this apply creates waits for it',
      doc('Service', 'svc', '  base_url: http://x.test') + '---\n' + doc('Deployment', 'new', '  service: svc'),
      state({}),
      [
        ['create', 'Service', 'svc', []],
        ['create', 'Deployment', 'new', []],
      ],
    ],
    [
      'a binding whose key changed is replaced',
      doc('Binding', 'b', '  exchange: ex\n  queue: q\n  binding_key: b.*'),
      state({ Binding: [binding] }, [{ kind: 'Binding', name: 'b', id: 'b1' }]),
      [['replace', 'Binding', 'b', ['spec']]],
    ],
    [
      'a managed object no file declares is kept without --prune',
      doc('Queue', 'q', '  policy: {max_attempts: 5}'),
      state({ Queue: [queue('q'), queue('old')] }, [{ kind: 'Queue', name: 'q', id: 'q' }, { kind: 'Queue', name: 'old', id: 'old' }]),
      [['unchanged', 'Queue', 'q', []]],
    ],
  ])('%s', (_case, yaml, current, expected) => {
    expect(plan(yaml, current)).toEqual(expected);
  });

  it('prunes only what the apply set manages, dependents first', () => {
    const current = state({ Queue: [queue('old'), queue('by-hand')], Binding: [binding] }, [
      { kind: 'Queue', name: 'old', id: 'old' },
      { kind: 'Binding', name: 'b', id: 'b1' },
    ]);
    expect(plan('', current, true)).toEqual([
      ['delete', 'Binding', 'b', []],
      ['delete', 'Queue', 'old', []],
    ]);
  });

  it('changes a queue policy in place, comparing only the fields the file names', () => {
    const stored = queue('q', { retry_backoff: { initial_delay_ms: 1000, multiplier: 2, max_delay_ms: 60000, jitter: 0.2 } });
    const backoff = (multiplier: number) => `  policy: {retry_backoff: {initial_delay_ms: 1000, multiplier: ${multiplier}, max_delay_ms: 60000, jitter: 0.2}}`;
    expect(plan(doc('Queue', 'q', '  policy: {max_attempts: 9}'), state({ Queue: [stored] }))).toEqual([['update', 'Queue', 'q', ['policy']]]);
    expect(plan(doc('Queue', 'q', backoff(2)), state({ Queue: [stored] }))).toEqual([['adopt', 'Queue', 'q', []]]);
    expect(plan(doc('Queue', 'q', backoff(3)), state({ Queue: [stored] }))).toEqual([['update', 'Queue', 'q', ['policy']]]);
  });

  const exchange = (name: string, type: string, alternate: string | null = null): Stored => ({
    id: name,
    key: name,
    raw: { name, type, alternate_exchange: alternate, created_at: 'x' },
  });

  it("changes an exchange's alternate in place, and refuses a new type without --replace-exchanges, naming the field", () => {
    const current = state({ Exchange: [exchange('ex', 'direct'), exchange('alt', 'fanout')] });
    expect(plan(doc('Exchange', 'ex', '  type: direct\n  alternate_exchange: alt'), current)).toEqual([['update', 'Exchange', 'ex', ['alternate_exchange']]]);
    expect(() => plan(doc('Exchange', 'ex', '  type: topic'), current)).toThrow(
      /test\.yaml: document 1 \(line 1\), field spec\.type: Exchange ex exists with type direct; .*--replace-exchanges/,
    );
  });

  it('replaces an exchange with --replace-exchanges: what is on it is deleted first, what the files declare is created again after it', () => {
    const onEx = (id: string, queueName: string): Stored => ({
      id,
      key: JSON.stringify(['ex', queueName, '', {}, 'all']),
      raw: { id, exchange: 'ex', queue: queueName, binding_key: '', headers: {}, headers_match: 'all' },
    });
    const subscriptionBinding = onEx('b-sys', 'interflow.subscription.s1');
    const current = state(
      {
        Exchange: [exchange('ex', 'direct'), exchange('uses-ex', 'fanout', 'ex')],
        Binding: [onEx('b-declared', 'q1'), onEx('b-by-hand', 'q2'), subscriptionBinding],
        Action: [action(5000)],
        Deployment: [deployment],
        Subscription: [
          {
            id: 's1',
            key: JSON.stringify([action(5000).id, 'ex', '', {}, 'all']),
            raw: { id: 's1', action_id: action(5000).id, exchange: 'ex', binding_key: '', headers: {}, headers_match: 'all' },
          },
        ],
      },
      [
        { kind: 'Binding', name: 'ex-q1', id: 'b-declared' },
        { kind: 'Subscription', name: 'poll-on-ex', id: 's1' },
      ],
    );
    const yaml = [
      doc('Exchange', 'ex', '  type: topic'),
      doc('Exchange', 'uses-ex', '  type: fanout\n  alternate_exchange: ex'),
      doc('Binding', 'ex-q1', '  exchange: ex\n  queue: q1'),
      doc('Subscription', 'poll-on-ex', '  action: poll\n  exchange: ex'),
    ].join('---\n');
    const changes = planApply(parseManifest(yaml, 'test.yaml'), current, { prune: false, replaceExchanges: true, validator, env: {} }).changes;
    expect(changes.map((c) => [c.op, c.kind, c.name, c.reason ?? ''])).toEqual([
      ['delete', 'Subscription', 'poll-on-ex', 'on exchange ex, which is replaced; created again after it'],
      ['delete', 'Binding', 'ex-q1', 'on exchange ex, which is replaced; created again after it'],
      ['delete', 'Binding', 'ex.q2', 'on exchange ex, which is replaced; no file declares it'],
      ['replace', 'Exchange', 'ex', ''],
      ['update', 'Exchange', 'uses-ex', 'its alternate ex is replaced'],
      ['create', 'Binding', 'ex-q1', 'again, on the new exchange ex'],
      ['create', 'Subscription', 'poll-on-ex', 'again, on the new exchange ex'],
    ]);
  });

  it('creates a dead-letter queue and an alternate exchange before what names them, whatever the file order', () => {
    const yaml = [
      doc('Queue', 'orders', '  policy: {dead_letter_queue: orders.retry}'),
      doc('Exchange', 'main', '  type: topic\n  alternate_exchange: unrouted'),
      doc('Queue', 'orders.retry', '  policy: {dead_letter_queue: orders.dead}'),
      doc('Queue', 'orders.dead', '  {}'),
      doc('Exchange', 'unrouted', '  type: fanout'),
    ].join('---\n');
    expect(plan(yaml, state({})).map(([, kind, name]) => `${String(kind)} ${String(name)}`)).toEqual([
      'Exchange unrouted',
      'Exchange main',
      'Queue orders.dead',
      'Queue orders.retry',
      'Queue orders',
    ]);
  });

  it('refuses a reference to an object neither declared nor stored', () => {
    const yaml = doc('Deployment', 'd', '  service: missing');
    expect(() => plan(yaml, state({}))).toThrow(ManifestError);
    expect(() => plan(yaml, state({}))).toThrow("field spec.service: no Service named 'missing' is declared or stored");
  });
});

describe('parseManifest', () => {
  it.each([
    ['apiVersion: v2\nkind: Queue\nmetadata: {name: q}\n', 'document 1 (line 1), field apiVersion: expected interflow/v1'],
    ['apiVersion: interflow/v1\nkind: Widget\nmetadata: {name: q}\n', 'field kind: expected one of Exchange'],
    ['---\napiVersion: interflow/v1\nkind: Queue\nmetadata: {name: q}\n---\napiVersion: interflow/v1\nkind: Queue\nmetadata: {}\n', /document 2 \(line \d+\), field metadata\.name/],
    ['apiVersion: interflow/v1\nkind: Queue\nmetadata: {name: q, labels: {}}\n', 'field metadata.labels: unknown field'],
    ['apiVersion: interflow/v1\nkind: Queue\nmetadata: {name: q}\nspec: [1]\n', 'field spec: expected a mapping'],
  ])('%j → %s', (yaml, message) => {
    expect(() => parseManifest(yaml, 'f.yaml')).toThrow(message);
  });

  it('reads several documents and skips empty ones', () => {
    const yaml = `---\n${doc('Queue', 'a', '  {}')}---\n---\n${doc('Exchange', 'e', '  type: topic')}`;
    expect(parseManifest(yaml, 'f.yaml').map((d) => [d.kind, d.name, d.source.document])).toEqual([
      ['Queue', 'a', 1],
      ['Exchange', 'e', 3],
    ]);
  });
});
