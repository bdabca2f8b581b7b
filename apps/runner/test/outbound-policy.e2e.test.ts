import crypto from 'node:crypto';
import { createAction, createDeployment, registerService } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { SCRIPTED_METHODS } from './support/scripted-connector';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/**
 * The runner calls only destinations the outbound policy allows: the scripted connector
 * on 127.0.0.1 is refused by a runner whose allow-list is empty (the run fails at once,
 * naming the reason, and the connector never hears of it), and served by one that allows
 * loopback. A service at the metadata address is refused even then.
 */
describe('runner outbound policy', () => {
  let world: RunnerWorld;

  beforeAll(async () => {
    world = await createRunnerWorld();
  });

  afterAll(async () => {
    await world.close();
  });

  it('refuses loopback and metadata addresses unless allowed', async () => {
    const deploymentId = await world.createDeployment();
    const actionId = await world.createAction({ deploymentId, method: 'echo' });
    const { service } = await registerService(
      world.db.sql,
      world.keyring,
      { name: 'metadata-service', baseUrl: 'http://169.254.169.254/latest', methods: SCRIPTED_METHODS.map((m) => ({ ...m })) },
      crypto.randomBytes(16).toString('hex'),
    );
    const metadataDeployment = await createDeployment(world.db.sql, world.keyring, { name: 'metadata', serviceId: service.id });
    const { action: metadataAction } = await createAction(world.db.sql, { name: 'metadata-echo', deploymentId: metadataDeployment.id, method: 'echo' });

    const closed = await world.startRunner({ INTERFLOW_OUTBOUND_ALLOW: '' });
    await world.requestRun(actionId, { word: 'refused' });
    const refused = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.status === 'failed'), {
      description: 'the run to the loopback connector to fail',
    });
    expect(JSON.stringify(refused.error)).toMatch(/127\.0\.0\.1.*loopback/);
    expect(refused.attempts).toBe(1);
    expect(world.connector.calls.filter((c) => c.method === 'echo')).toHaveLength(0);
    await closed.stop();

    const open = await world.startRunner({ INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1,169.254.0.0/16' });
    await world.requestRun(actionId, { word: 'allowed' });
    await waitFor(async () => (await world.runsOf(actionId)).some((r) => r.status === 'succeeded'), {
      description: 'the run to the allowed connector to succeed',
    });
    expect(world.connector.calls.filter((c) => c.method === 'echo')).toHaveLength(1);

    await world.requestRun(metadataAction.id, { word: 'metadata' });
    const metadataRun = await waitFor(async () => (await world.runsOf(metadataAction.id)).find((r) => r.status === 'failed'), {
      description: 'the run to the metadata address to fail',
    });
    expect(JSON.stringify(metadataRun.error)).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
    await open.stop();
  });
});
