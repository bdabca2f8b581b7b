import fs from 'node:fs';
import path from 'node:path';

/**
 * One owner per table: only the package that owns a table names it in SQL. The others
 * ask the owner through its functions (docs/architecture.md). Tests, benchmarks and the
 * migrations themselves are exempt; every table the migrations create must have an owner.
 */
const OWNERS: Record<string, string[]> = {
  'packages/broker-postgres': ['mq_bindings', 'mq_consumers', 'mq_exchanges', 'mq_messages', 'mq_queues', 'mq_rate_buckets'],
  'packages/broker-rabbitmq': [
    'rabbitmq_bindings',
    'rabbitmq_consumers',
    'rabbitmq_dedupe_keys',
    'rabbitmq_delay_queues',
    'rabbitmq_exchanges',
    'rabbitmq_outbox',
    'rabbitmq_queues',
    'rabbitmq_rate_buckets',
    'rabbitmq_returns',
    'rabbitmq_tracked_messages',
  ],
  'packages/registry': [
    'services',
    'deployments',
    'actions',
    'runs',
    'run_attempts',
    'action_states',
    'response_cache',
    'action_subscriptions',
    'schedules',
    'schedule_fires',
  ],
  'packages/broker-move': ['broker_moves', 'broker_move_messages'],
  'packages/event-log': ['events'],
  'packages/notifications': [
    'recipients',
    'recipient_groups',
    'recipient_group_members',
    'notifications',
    'notification_deliveries',
    'notification_sends',
    'notification_history',
  ],
  'apps/api': ['api_tokens', 'apply_sets', 'settings'],
  'apps/runner': ['deployment_call_slots', 'deployment_pauses', 'deployment_rate_buckets'],
};

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const daemonSources = ['apps', 'packages'].flatMap((top) =>
  fs.readdirSync(path.join(ROOT, top)).flatMap((name) => sourceFiles(path.join(ROOT, top, name, 'src')).map((file) => path.relative(ROOT, file))),
);

/** SQL that names the table: read, written, joined or locked. */
const naming = (table: string) => new RegExp(`\\b(from|join|into|update|table|truncate)\\s+(only\\s+)?"?${table}"?\\b`, 'i');

describe('table owners', () => {
  it('every table the migrations create has an owner', () => {
    const created = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'migrations', 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/create (?:unlogged )?table (?:if not exists )?"?([a-z_]+)"?/gi)) {
        created.add(match[1]!.toLowerCase());
      }
    }
    const owned = new Set(Object.values(OWNERS).flat());
    expect([...created].filter((table) => !owned.has(table)).sort()).toEqual([]);
  });

  it.each(Object.entries(OWNERS).flatMap(([owner, tables]) => tables.map((table) => [table, owner])))(
    '%s is named in SQL only by %s',
    (table, owner) => {
      const trespassers = daemonSources.filter((file) => !file.startsWith(`${owner}/`) && naming(table).test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
      expect(trespassers).toEqual([]);
    },
  );

  it('the check finds a table named outside its owner (so it can fail)', () => {
    expect(naming('runs').test('select id from runs where status = $1')).toBe(true);
    expect(naming('mq_messages').test('delete from mq_messages where id = 1')).toBe(true);
    expect(naming('runs').test('the runs of an action')).toBe(false);
  });
});
