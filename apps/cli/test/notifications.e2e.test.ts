import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createInterflowClient, orThrow } from '@interflow/client';
import { recipientWebhook } from '@interflow/notifications';
import { createKeyring } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { startCliHarness, type CliHarness } from './support/cli-harness';

/**
 * Issue 14 from the command line, against a running api (and a runner, which makes the
 * deliveries): recipients and groups as code, publishing with `notify`, and a
 * recipient's own `inbox`.
 */
let cli: CliHarness;
let dir: string;

const SECRET_ONE = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;
const SECRET_TWO = `whsec_${Buffer.alloc(24, 2).toString('base64')}`;

const MANIFEST = `apiVersion: interflow/v1
kind: RecipientGroup
metadata:
  name: on-call
spec:
  description: whoever holds the pager
---
apiVersion: interflow/v1
kind: Recipient
metadata:
  name: Ada Lovelace
spec:
  email: ada@example.com
  webhook_url: https://hooks.example.com/ada
  webhook_secret: { env: ADA_WEBHOOK_SECRET }
  groups: [on-call]
---
apiVersion: interflow/v1
kind: Recipient
metadata:
  name: ops-desk
spec:
  groups: [on-call]
`;

const apply = (args: string[], secret = SECRET_ONE) => cli.run(['apply', '-f', dir, ...args], { env: { ADA_WEBHOOK_SECRET: secret } });

/** The webhook secret the api stored for a recipient, opened with the harness's key. */
async function storedWebhookSecret(name: string): Promise<string | undefined> {
  const recipient = JSON.parse((await cli.run(['describe', 'recipient', name, '-o', 'json'])).stdout) as { id: string };
  const [keyId, key] = cli.secretKey.split(':') as [string, string];
  return (await recipientWebhook(cli.db.sql, createKeyring({ id: keyId, key: Buffer.from(key, 'base64') }), recipient.id))?.secret;
}

beforeAll(async () => {
  cli = await startCliHarness();
  dir = path.join(cli.dir, 'people');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'people.yaml'), MANIFEST);
});

afterAll(async () => {
  await cli?.close();
});

describe('recipients and groups as code', () => {
  it('creates groups, then recipients with their memberships and a webhook secret from the environment, never printed', async () => {
    const first = await apply([]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('3 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged');
    expect(first.stdout).not.toContain(SECRET_ONE);
    const ada = JSON.parse((await cli.run(['describe', 'recipient', 'Ada Lovelace', '-o', 'json'])).stdout) as { group_ids: string[] };
    const group = JSON.parse((await cli.run(['describe', 'group', 'on-call', '-o', 'json'])).stdout) as { id: string; member_count: number };
    expect(ada.group_ids).toEqual([group.id]);
    expect(group.member_count).toBe(2);
    expect(await storedWebhookSecret('Ada Lovelace')).toBe(SECRET_ONE);
    expect((await apply([])).stdout).toContain('nothing to change');
  });

  it('sends a changed webhook secret (and only then), without printing it', async () => {
    const changed = await apply([], SECRET_TWO);
    expect(changed.stdout).toContain('~ update Recipient Ada Lovelace\n    webhook_secret:');
    expect(changed.stdout).not.toContain(SECRET_TWO);
    expect(await storedWebhookSecret('Ada Lovelace')).toBe(SECRET_TWO);
    expect((await apply([], SECRET_TWO)).stdout).toContain('nothing to change');
  });

  it('refuses a secret written in the file, naming file, document and field, and changes nothing', async () => {
    const broken = path.join(cli.dir, 'broken.yaml');
    fs.writeFileSync(broken, MANIFEST.replace('{ env: ADA_WEBHOOK_SECRET }', SECRET_ONE).replace('ada@example.com', 'changed@example.com'));
    const result = await cli.run(['apply', '-f', broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml: document 2 \(line \d+\), field spec\.webhook_secret: expected \{env: VARIABLE\}/);
    expect((await cli.run(['get', 'recipient', 'Ada Lovelace', '-o', 'json'])).stdout).toContain('ada@example.com');
  });

  it('round-trips through export without the secret, and prunes only what it created', async () => {
    const exported = (await cli.run(['export'])).stdout;
    expect(exported).toContain('kind: Recipient\nmetadata:\n  name: Ada Lovelace');
    expect(exported).not.toContain('whsec_');
    const again = await cli.run(['apply', '-f', '-', '--dry-run'], { stdin: exported });
    expect(again.stdout).toMatch(/0 to create, 0 to update, 0 to replace, 0 to delete/);
    const client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
    await orThrow(client.POST('/v1/recipients', { body: { name: 'made by hand' } }));
    fs.writeFileSync(path.join(dir, 'people.yaml'), MANIFEST.split('\n---\n').slice(0, 2).join('\n---\n'));
    const pruned = await apply(['--prune'], SECRET_TWO);
    expect(pruned.stdout).toContain('- delete Recipient ops-desk');
    expect(pruned.stdout).toContain('0 to create, 0 to update, 0 to replace, 1 to delete');
    expect((await cli.run(['get', 'recipient', 'ops-desk'])).code).toBe(1);
    expect((await cli.run(['get', 'recipient', 'made by hand'])).code).toBe(0);
  });
});

describe('notify and inbox', () => {
  it('publishes to a group by name, and the recipient lists, reads and confirms it in its own inbox', async () => {
    await cli.startRunner();
    const client = createInterflowClient({ baseUrl: cli.url, token: cli.token });
    const ada = JSON.parse((await cli.run(['describe', 'recipient', 'Ada Lovelace', '-o', 'json'])).stdout) as { id: string };
    const { token } = await orThrow(client.POST('/v1/tokens', { body: { name: 'ada inbox', role: 'viewer', recipient_id: ada.id } }));
    const asAda = { env: { INTERFLOW_TOKEN: token } };
    const published = await cli.run(['notify', '--title', 'Bank feed failing', '--text', 'five failures', '--severity', 'error', '--group', 'on-call', '--confirm', '--remind-after', '15m', '--dedupe-key', 'feed-1']);
    expect(published.stderr).toBe('');
    const [, id] = /^notification (\S+) published\n$/.exec(published.stdout) ?? [];
    expect(id).toBeDefined();
    const again = await cli.run(['notify', '--title', 'Bank feed failing', '--group', 'on-call', '--dedupe-key', 'feed-1']);
    expect(again.stdout).toBe(`notification ${id} was already published with this dedupe key: nothing sent again\n`);
    const unread = await waitFor(
      async () => {
        const listed = YAML.parse((await cli.run(['inbox', '--filter', 'unread', '-o', 'yaml'], asAda)).stdout) as { items: { id: string; notification_id: string }[] };
        return listed.items.length > 0 ? listed.items : undefined;
      },
      { description: 'the delivery in the inbox' },
    );
    expect(unread.map((d) => d.notification_id)).toEqual([id]);
    const delivery = unread[0]?.id as string;
    expect((await cli.run(['inbox'], asAda)).stdout).toMatch(new RegExp(`^ID\\s+STATE.*\\n${delivery}\\s+delivered\\s+error\\s+Bank feed failing\\s+yes\\s`));
    expect((await cli.run(['inbox', 'read', delivery], asAda)).stdout).toBe(`${delivery} read\n`);
    expect((await cli.run(['inbox', 'confirm', delivery, '--comment', 'restarted the feed'], asAda)).stdout).toBe(`${delivery} confirmed (restarted the feed)\n`);
    const notification = JSON.parse((await cli.run(['describe', 'notification', String(id), '-o', 'json'])).stdout) as { deliveries: { confirmed: number } };
    expect(notification.deliveries.confirmed).toBe(1);
    const refused = await cli.run(['inbox']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bound to a recipient .*\(403 forbidden\)/);
    expect((await cli.run(['notify', '--title', 'nobody'])).code).toBe(2);
    expect((await cli.run(['notify', '--title', 't', '--group', 'on-call', '--remind-after', 'soon'])).stderr).toContain('--remind-after soon: expected a duration');
  });
});
