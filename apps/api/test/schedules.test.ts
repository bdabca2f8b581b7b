import request from 'supertest';
import crypto from 'node:crypto';
import { ManualClock } from '@interflow/core';
import { createAction, createDeployment, createKeyring, registerService, scheduleChangesChannel } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createTestApi, type TestApi } from './support/test-api';

const clock = new ManualClock(new Date('2026-03-28T22:00:00.400Z'));
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ clock });
});

afterAll(async () => {
  await api.close();
});

const exchangeTarget = { type: 'exchange', exchange: '', routing_key: 'reports', headers: { kind: 'nightly' }, payload: { a: 1 } };

function create(body: Record<string, unknown>, token = api.adminToken) {
  return request(api.app).post('/v1/schedules').set(api.auth(token)).send(body);
}

async function scheduleCount(): Promise<number> {
  const [row] = await api.db.sql<{ n: number }[]>`select count(*)::int as n from schedules`;
  return row?.n ?? -1;
}

describe('/v1/schedules', () => {
  it('creates a cron schedule in a time zone and shows its next fire', async () => {
    const response = await create({
      name: 'nightly',
      target: exchangeTarget,
      rule: { type: 'cron', expression: '0 30 2 * * *', timezone: 'Europe/Berlin' },
      ttl_ms: 60_000,
      overlap_policy: 'skip',
      missed_fire_policy: 'backfill',
      backfill_limit: 3,
    }).expect(201);
    expect(response.headers.location).toBe(`/v1/schedules/${response.body.id}`);
    expect(response.body).toMatchObject({
      name: 'nightly',
      enabled: true,
      target: exchangeTarget,
      rule: { type: 'cron', expression: '0 30 2 * * *', timezone: 'Europe/Berlin' },
      ttl_ms: 60_000,
      overlap_policy: 'skip',
      missed_fire_policy: 'backfill',
      backfill_limit: 3,
      // 2026-03-29 02:30 does not exist in Berlin: the fire moves to 03:00 CEST
      next_fire_at: '2026-03-29T01:00:00.000Z',
      last_fired_at: null,
    });
    const fetched = await request(api.app).get(`/v1/schedules/${response.body.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(fetched.body).toEqual(response.body);
    const next = await request(api.app).get(`/v1/schedules/${response.body.id}/next-fires?count=2`).set(api.auth(api.adminToken)).expect(200);
    expect(next.body.fire_times).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('previews the next fire times of a rule without storing anything', async () => {
    const before = await scheduleCount();
    const response = await request(api.app)
      .post('/v1/schedules/preview')
      .set(api.auth(api.adminToken))
      .send({ rule: { type: 'interval', every_ms: 90_000 }, start_at: '2026-01-05T10:00:00Z', from: '2026-01-05T10:02:00Z', count: 2 })
      .expect(200);
    expect(response.body.fire_times).toEqual(['2026-01-05T10:03:00.000Z', '2026-01-05T10:04:30.000Z']);
    expect(await scheduleCount()).toBe(before);
  });

  it('names each invalid field, including rule problems the schema cannot see, and stores nothing', async () => {
    const before = await scheduleCount();
    const shapeErrors = await create({ name: '', target: { type: 'exchange' }, rule: { type: 'hourly' }, colour: 'red' }).expect(400);
    expect(shapeErrors.body.error.code).toBe('validation_failed');
    const fields = (shapeErrors.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['colour', 'name', 'rule.type', 'target.exchange']));

    const badZone = await create({ name: 'z', target: exchangeTarget, rule: { type: 'cron', expression: '* * * * *', timezone: 'Mars/Base' } }).expect(400);
    expect(badZone.body.error.details).toEqual([{ field: 'rule.timezone', message: expect.stringContaining('Mars/Base') }]);
    const badCron = await create({ name: 'c', target: exchangeTarget, rule: { type: 'cron', expression: '99 * * * *' } }).expect(400);
    expect(badCron.body.error.details[0].field).toBe('rule.expression');
    const badWindow = await create({
      name: 'w',
      target: exchangeTarget,
      rule: { type: 'interval', every_ms: 1000 },
      start_at: '2026-05-01T00:00:00Z',
      end_at: '2026-04-01T00:00:00Z',
    }).expect(400);
    expect(badWindow.body.error.details).toEqual([{ field: 'end_at', message: 'must be after start_at' }]);
    const noExchange = await create({ name: 'x', target: { ...exchangeTarget, exchange: 'missing' }, rule: { type: 'interval', every_ms: 1000 } }).expect(400);
    expect(noExchange.body.error.details).toEqual([{ field: 'target.exchange', message: "exchange 'missing' does not exist" }]);
    const noAction = await create({
      name: 'a',
      target: { type: 'action', action_id: '00000000-0000-4000-8000-000000000000' },
      rule: { type: 'interval', every_ms: 1000 },
    }).expect(400);
    expect(noAction.body.error.details[0].field).toBe('target.action_id');
    const past = await create({ name: 'p', target: exchangeTarget, rule: { type: 'once', at: '2026-03-28T21:59:59Z' } }).expect(400);
    expect(past.body.error.details).toEqual([{ field: 'rule.at', message: expect.stringContaining('has passed') }]);
    expect(await scheduleCount()).toBe(before);
  });

  it('pauses, resumes from now and recomputes the next fire when the rule changes', async () => {
    const created = await create({ name: 'every-minute', target: exchangeTarget, rule: { type: 'cron', expression: '0 * * * * *' } }).expect(201);
    const id: string = created.body.id;
    expect(created.body.next_fire_at).toBe('2026-03-28T22:01:00.000Z');
    const paused = await request(api.app).patch(`/v1/schedules/${id}`).set(api.auth(api.adminToken)).send({ enabled: false }).expect(200);
    expect(paused.body).toMatchObject({ enabled: false, version: 2, rule: created.body.rule, target: exchangeTarget });

    clock.advance(10 * 60_000);
    const resumed = await request(api.app).patch(`/v1/schedules/${id}`).set(api.auth(api.adminToken)).send({ enabled: true }).expect(200);
    expect(resumed.body.next_fire_at).toBe('2026-03-28T22:11:00.000Z');

    const changed = await request(api.app)
      .patch(`/v1/schedules/${id}`)
      .set(api.auth(api.adminToken))
      .send({ rule: { type: 'once', at: '2026-04-01T12:00:00Z' } })
      .expect(200);
    expect(changed.body).toMatchObject({ rule: { type: 'once', at: '2026-04-01T12:00:00.000Z' }, next_fire_at: '2026-04-01T12:00:00.000Z' });

    await request(api.app).patch(`/v1/schedules/${id}`).set(api.auth(api.adminToken)).send({ jitter_ms: -1 }).expect(400);
    await request(api.app).patch(`/v1/schedules/${id}`).set(api.auth(api.adminToken)).send({ name: 'nightly' }).expect(409);
  });

  it('notifies producers of every change', async () => {
    const received: string[] = [];
    const listener = await api.db.sql.listen(scheduleChangesChannel(api.db.schema), (payload) => received.push(payload));
    try {
      const created = await create({ name: 'notify-me', target: exchangeTarget, rule: { type: 'interval', every_ms: 5000 } }).expect(201);
      await request(api.app).patch(`/v1/schedules/${created.body.id}`).set(api.auth(api.adminToken)).send({ enabled: false }).expect(200);
      await request(api.app).delete(`/v1/schedules/${created.body.id}`).set(api.auth(api.adminToken)).expect(204);
      await waitFor(() => received.length >= 3, { description: 'three notifications' });
      expect(received).toEqual([created.body.id, created.body.id, created.body.id]);
    } finally {
      await listener.unlisten();
    }
  });

  it('lets viewers read but not change, and answers 404 for unknown schedules', async () => {
    const viewer = await api.mintToken('viewer');
    await create({ name: 'by-viewer', target: exchangeTarget, rule: { type: 'interval', every_ms: 5000 } }, viewer).expect(403);
    const page = await request(api.app).get('/v1/schedules?limit=1').set(api.auth(viewer)).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.next_cursor).toEqual(expect.any(String));
    const rest = await request(api.app).get(`/v1/schedules?limit=100&cursor=${page.body.next_cursor}`).set(api.auth(viewer)).expect(200);
    const names = [...page.body.items, ...rest.body.items].map((s: { name: string }) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['nightly', 'every-minute']));
    await request(api.app).get('/v1/schedules/00000000-0000-4000-8000-000000000000').set(api.auth(viewer)).expect(404);
    await request(api.app).delete('/v1/schedules/00000000-0000-4000-8000-000000000000').set(api.auth(api.adminToken)).expect(404);
  });

  it('targets an action, checking the input against its method\'s schema', async () => {
    const keyring = createKeyring({ id: 'k1', key: crypto.randomBytes(32) });
    const { service } = await registerService(api.db.sql, keyring, {
      name: 'orders',
      baseUrl: 'http://127.0.0.1:1',
      methods: [
        {
          name: 'export',
          http_method: 'POST',
          path: '/export',
          description: null,
          input_schema: { type: 'object', properties: { since: { type: 'string' } }, required: ['since'] },
        },
      ],
    });
    const deployment = await createDeployment(api.db.sql, keyring, { name: 'orders-prod', serviceId: service.id, credentials: {} });
    const { action } = await createAction(api.db.sql, { name: 'export-orders', deploymentId: deployment.id, method: 'export' });
    const rule = { type: 'interval', every_ms: 60_000 };
    const bad = await create({ name: 'export-bad', target: { type: 'action', action_id: action.id, input: { since: 5 } }, rule }).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'target.input.since' })]);
    const good = await create({ name: 'export', target: { type: 'action', action_id: action.id, input: { since: 'yesterday' } }, rule }).expect(201);
    expect(good.body.target).toEqual({ type: 'action', action_id: action.id, input: { since: 'yesterday' } });
  });

  it('pages through a schedule\'s fires, newest first', async () => {
    const created = await create({ name: 'with-history', target: exchangeTarget, rule: { type: 'interval', every_ms: 1000 } }).expect(201);
    const id: string = created.body.id;
    // the rows a producer writes when it handles fires
    await api.db.sql`
      insert into schedule_fires (schedule_id, fire_time, outcome) values
        (${id}, '2026-03-28T22:00:01Z', 'published'), (${id}, '2026-03-28T22:00:02Z', 'skipped_overlap'), (${id}, '2026-03-28T22:00:03Z', 'expired')`;
    const first = await request(api.app).get(`/v1/schedules/${id}/fires?limit=2`).set(api.auth(api.adminToken)).expect(200);
    expect(first.body.items.map((f: { fire_time: string; outcome: string }) => `${f.fire_time} ${f.outcome}`)).toEqual([
      '2026-03-28T22:00:03.000Z expired',
      '2026-03-28T22:00:02.000Z skipped_overlap',
    ]);
    const second = await request(api.app).get(`/v1/schedules/${id}/fires?limit=2&cursor=${first.body.next_cursor}`).set(api.auth(api.adminToken)).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ fire_time: '2026-03-28T22:00:01.000Z', outcome: 'published' })], next_cursor: null });
    await request(api.app).get('/v1/schedules/00000000-0000-4000-8000-000000000000/fires').set(api.auth(api.adminToken)).expect(404);
  });
});
