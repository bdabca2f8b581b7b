import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { generateStandardWebhookSecret } from '@interflow/connector-sdk';
import { createAction, createDeployment, registerService } from '@interflow/registry';
import { freePort, waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const CONNECTOR = path.resolve(__dirname, '..', '..', '..', 'examples', 'python-connector', 'connector.py');

/**
 * A connector needs no TypeScript: the example in Python (standard library only) is
 * started, registered from its own GET /methods, and called by a real runner daemon.
 * It verifies the Standard Webhooks signature of every call (POST with a body, GET with
 * the context header) and refuses a call signed with another secret.
 */
describe('the Python example connector', () => {
  let world: RunnerWorld;
  let python: ChildProcess;
  let baseUrl: string;
  const secret = generateStandardWebhookSecret();

  beforeAll(async () => {
    world = await createRunnerWorld();
    const port = await freePort();
    python = spawn('python3', [CONNECTOR], {
      env: { PATH: process.env.PATH ?? '', CONNECTOR_SIGNING_SECRET: secret, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    python.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(() => stdout.includes('python connector listening'), { description: 'the Python connector to listen' });
  });

  afterAll(async () => {
    python?.kill('SIGTERM');
    await world.close();
  });

  it('verifies the runner signature and answers, for POST and GET methods', async () => {
    const description = (await (await fetch(`${baseUrl}/methods`)).json()) as { methods: never[] };
    const { service } = await registerService(world.db.sql, world.keyring, { name: 'python-greeter', baseUrl, methods: description.methods }, secret);
    const deployment = await createDeployment(world.db.sql, world.keyring, {
      name: 'python-fr',
      serviceId: service.id,
      connection: { language: 'fr' },
    });
    const { action: greet } = await createAction(world.db.sql, { name: 'py-greet', deploymentId: deployment.id, method: 'greet' });
    const { action: shout } = await createAction(world.db.sql, { name: 'py-shout', deploymentId: deployment.id, method: 'shout' });
    await world.startRunner();

    await world.requestRun(greet.id, { name: 'Ada' });
    await world.requestRun(shout.id, { word: 'quiet' });
    const greeted = await waitFor(async () => (await world.runsOf(greet.id)).find((r) => r.status === 'succeeded'), {
      description: 'the greet run to succeed',
    });
    expect(greeted.response).toEqual({ greeting: 'Bonjour, Ada!', deployment: 'python-fr', attempt: 1, verified: 'standard-webhooks' });
    const shouted = await waitFor(async () => (await world.runsOf(shout.id)).find((r) => r.status === 'succeeded'), {
      description: 'the shout run to succeed',
    });
    expect(shouted.response).toEqual({ shouted: 'QUIET' });
  });

  it('refuses a call signed with another secret, and an unsigned one', async () => {
    const { action } = await createAction(world.db.sql, {
      name: 'py-greet-wrong-secret',
      deploymentId: (
        await createDeployment(world.db.sql, world.keyring, {
          name: 'python-wrong-secret',
          serviceId: (
            await registerService(
              world.db.sql,
              world.keyring,
              {
                name: 'python-greeter-wrong-secret',
                baseUrl,
                methods: [{ name: 'greet', http_method: 'POST', path: '/methods/greet', description: null, input_schema: { type: 'object' } }],
              },
              generateStandardWebhookSecret(),
            )
          ).service.id,
        })
      ).id,
      method: 'greet',
    });
    await world.requestRun(action.id, { name: 'Mallory' });
    const refused = await waitFor(async () => (await world.runsOf(action.id)).find((r) => r.status === 'failed'), {
      description: 'the wrongly signed run to fail',
    });
    expect(JSON.stringify(refused.error)).toMatch(/401.*signature does not match/);

    const unsigned = await fetch(`${baseUrl}/methods/greet`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
  });
});
