import crypto from 'node:crypto';
import path from 'node:path';
import {
  createAction,
  createDeployment,
  createKeyring,
  loadActionContext,
  registerService,
  sealedValuesByKey,
  type SecretKey,
} from '@interflow/registry';
import { createRecipient, recipientWebhook } from '@interflow/notifications';
import { createTestDatabase, startDaemon, type TestDatabase } from '@interflow/test-kit';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const spec = (key: SecretKey) => `${key.id}:${key.key.toString('base64')}`;

describe('npm run rotate-keys (the built command)', () => {
  it('re-encrypts every deployment under the new key, after which each still decrypts without the old one', async () => {
    const oldKey: SecretKey = { id: 'old', key: crypto.randomBytes(32) };
    const newKey: SecretKey = { id: 'new', key: crypto.randomBytes(32) };
    const before = createKeyring(oldKey);
    const actions: { id: string; password: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { service } = await registerService(db.sql, before, {
        name: `svc-${i}`,
        baseUrl: 'http://127.0.0.1:9',
        methods: [{ name: 'm', http_method: 'POST', path: '/m', description: null, input_schema: null }],
      });
      const password = `pw-${i}-${crypto.randomBytes(4).toString('hex')}`;
      const deployment = await createDeployment(db.sql, before, { name: `dep-${i}`, serviceId: service.id, credentials: { password } });
      const { action } = await createAction(db.sql, { name: `act-${i}`, deploymentId: deployment.id, method: 'm' });
      actions.push({ id: action.id, password });
    }
    const { recipient, webhookSecret } = await createRecipient(db.sql, before, { name: 'hooked', webhookUrl: 'https://hooks.example.com/x' });

    const command = await startDaemon({
      script: path.resolve(__dirname, '../dist/rotate-keys.js'),
      env: {
        DATABASE_URL: db.url,
        DATABASE_SCHEMA: db.schema,
        INTERFLOW_SECRET_KEY: spec(newKey),
        INTERFLOW_SECRET_KEY_SECONDARY: spec(oldKey),
      },
    });
    expect(await command.exited).toBe(0);
    expect(command.logs.some((line) => line.message === 'rotation complete')).toBe(true);
    expect(await sealedValuesByKey(db.sql)).toEqual({ new: 6 });

    const after = createKeyring(newKey);
    for (const action of actions) {
      const context = await loadActionContext(db.sql, after, action.id);
      expect(context.deployment.credentials).toEqual({ password: action.password });
    }
    expect(JSON.stringify(command.logs)).not.toContain(actions[0]?.password);
    expect(command.logs.find((line) => line.message === 'rotation complete')?.recipients).toBe(1);
    expect((await recipientWebhook(db.sql, after, recipient.id))?.secret).toBe(webhookSecret);
    expect(JSON.stringify(command.logs)).not.toContain(webhookSecret);
  });

  it('refuses to run without INTERFLOW_SECRET_KEY', async () => {
    const command = await startDaemon({
      script: path.resolve(__dirname, '../dist/rotate-keys.js'),
      env: { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema },
    });
    expect(await command.exited).toBe(1);
  });
});
