import request from 'supertest';
import { waitFor } from '@interflow/test-kit';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let viewer: { Authorization: string };

beforeAll(async () => {
  api = await createTestApi();
  viewer = api.auth(await api.mintToken('viewer'));
  await api.deps.broker.declareQueue({ name: 'listened' });
  await api.deps.broker.declareQueue({ name: 'quiet' });
});

afterAll(async () => {
  await api.close();
});

type ConsumerItem = { id: string; queue: string; name: string; concurrency: number; heartbeat_at: string };

async function consumersOf(queue: string): Promise<ConsumerItem[]> {
  const response = await request(api.app).get('/v1/consumers').query({ queue }).set(viewer).expect(200);
  return response.body.items as ConsumerItem[];
}

describe('GET /v1/consumers', () => {
  it('lists the consumers registered on a queue while they run, and not after they stop', async () => {
    const consumer = api.deps.broker.consume('listened', async () => undefined, { concurrency: 3, consumerName: 'api-test-listener' });
    try {
      const listed = await waitFor(async () => (await consumersOf('listened')).find((item) => item.id === consumer.id), {
        description: 'the consumer to be registered',
      });
      expect(listed).toMatchObject({ queue: 'listened', name: 'api-test-listener', concurrency: 3 });
      expect(Number.isNaN(Date.parse(listed.heartbeat_at))).toBe(false);
      expect(await consumersOf('quiet')).toEqual([]);
      const all = await request(api.app).get('/v1/consumers').set(viewer).expect(200);
      expect((all.body.items as ConsumerItem[]).map((item) => item.id)).toContain(consumer.id);
      expect(all.body.next_cursor).toBeNull();
    } finally {
      await consumer.stop();
    }
    await waitFor(async () => (await consumersOf('listened')).length === 0, { description: 'the stopped consumer to leave the registry' });
  });

  it('needs a token and validates its filter', async () => {
    await request(api.app).get('/v1/consumers').expect(401);
    const bad = await request(api.app).get('/v1/consumers').query({ queue: 'not a name' }).set(viewer).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'queue' })]);
  });
});
