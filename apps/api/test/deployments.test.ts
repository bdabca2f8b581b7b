import request from 'supertest';
import { createAction, createDeployment, createService, uniqueName } from './support/fixtures';
import { useApiWithLogs } from './support/api-with-logs';

const ctx = useApiWithLogs();

const PASSWORD = 'correct-horse-battery-staple';
const API_KEY = 'AKIA-TOP-SECRET-42';

describe('/v1/deployments', () => {
  it('seals credentials: no secret in the table, the responses or the logs', async () => {
    const service = await createService(ctx.api);
    const created = await request(ctx.api.app)
      .post('/v1/deployments')
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ name: uniqueName('dep'), service_id: service.id, credentials: { password: PASSWORD, api_key: API_KEY }, connection: { host: 'h' } })
      .expect(201);
    expect(created.body.credentials).toEqual({ api_key: '[redacted]', password: '[redacted]' });
    expect(created.body.credentials_key_id).toBe('test-key');
    expect(created.headers.etag).toBe(created.body.etag);

    const rows = await ctx.api.db.sql<{ row: string }[]>`select row_to_json(d)::text as row from deployments d`;
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) {
      expect(row).not.toContain(PASSWORD);
      expect(row).not.toContain(API_KEY);
    }
    const fetched = await request(ctx.api.app).get(`/v1/deployments/${created.body.id}`).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    const listed = await request(ctx.api.app).get('/v1/deployments').set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    await request(ctx.api.app)
      .patch(`/v1/deployments/${created.body.id}`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ credentials: { password: `${PASSWORD}-2` } })
      .expect(200);
    for (const text of [JSON.stringify(fetched.body), JSON.stringify(listed.body), ctx.logLines.join('')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(API_KEY);
    }
    expect(ctx.logLines.join('')).toContain('deployment updated');
    // Request lines name the caller (a field called tokenId would be redacted by the logger).
    expect(ctx.logLines.join('')).toMatch(/"principalId":"[0-9a-f-]{36}"/);
  });

  it('refuses a secret-looking field in the clear connection settings', async () => {
    const service = await createService(ctx.api);
    const response = await request(ctx.api.app)
      .post('/v1/deployments')
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ name: uniqueName('dep'), service_id: service.id, connection: { host: 'h', auth: { client_secret: 'x' } } })
      .expect(400);
    expect(response.body.error.details[0].field).toBe('connection.auth.client_secret');
  });

  it('refuses a stale If-Match with 412 and changes nothing; a current one applies', async () => {
    const service = await createService(ctx.api);
    const deployment = await createDeployment(ctx.api, service.id);
    const first = await request(ctx.api.app)
      .patch(`/v1/deployments/${deployment.id}`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .set('If-Match', deployment.etag)
      .send({ description: 'first writer' })
      .expect(200);
    expect(first.headers.etag).not.toBe(deployment.etag);
    const before = await ctx.api.db.sql`select * from deployments where id = ${deployment.id}`;

    const stale = await request(ctx.api.app)
      .patch(`/v1/deployments/${deployment.id}`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .set('If-Match', deployment.etag)
      .send({ description: 'second writer', credentials: { password: 'overwritten' } })
      .expect(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const after = await ctx.api.db.sql`select * from deployments where id = ${deployment.id}`;
    expect(after).toEqual(before);

    await request(ctx.api.app).delete(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(ctx.api.adminToken)).set('If-Match', deployment.etag).expect(412);
    await request(ctx.api.app).delete(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(ctx.api.adminToken)).set('If-Match', String(first.headers.etag)).expect(204);
  });

  it('merges credentials: a null removes one, the others stay', async () => {
    const service = await createService(ctx.api);
    const deployment = await createDeployment(ctx.api, service.id);
    const patched = await request(ctx.api.app)
      .patch(`/v1/deployments/${deployment.id}`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ credentials: { api_key: null, token: 't-1' }, rate_limit: { requests: 5, interval_ms: 1000 }, max_concurrency: 2 })
      .expect(200);
    expect(patched.body.credentials).toEqual({ password: '[redacted]', token: '[redacted]' });
    expect(patched.body).toMatchObject({ rate_limit: { requests: 5, interval_ms: 1000 }, max_concurrency: 2 });
  });

  it('does not let a viewer change or delete', async () => {
    const service = await createService(ctx.api);
    const deployment = await createDeployment(ctx.api, service.id);
    const viewer = await ctx.api.mintToken('viewer');
    await request(ctx.api.app).get(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(viewer)).expect(200);
    await request(ctx.api.app).patch(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(viewer)).send({ description: 'x' }).expect(403);
    await request(ctx.api.app).delete(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(viewer)).expect(403);
    await request(ctx.api.app).post('/v1/deployments').set(ctx.api.auth(viewer)).send({ name: uniqueName('d'), service_id: service.id }).expect(403);
  });

  it('shows a scoped token only its deployments', async () => {
    const service = await createService(ctx.api);
    const mine = await createDeployment(ctx.api, service.id);
    const other = await createDeployment(ctx.api, service.id);
    const scoped = await ctx.api.mintToken('operator', { deploymentScopes: [mine.id] });
    const listed = await request(ctx.api.app).get('/v1/deployments').query({ limit: 500 }).set(ctx.api.auth(scoped)).expect(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([mine.id]);
    await request(ctx.api.app).get(`/v1/deployments/${mine.id}`).set(ctx.api.auth(scoped)).expect(200);
    await request(ctx.api.app).get(`/v1/deployments/${other.id}`).set(ctx.api.auth(scoped)).expect(404);
    await request(ctx.api.app).patch(`/v1/deployments/${other.id}`).set(ctx.api.auth(scoped)).send({ description: 'x' }).expect(404);
    await request(ctx.api.app).patch(`/v1/deployments/${mine.id}`).set(ctx.api.auth(scoped)).send({ description: 'mine' }).expect(200);
  });

  it('applies access rules: who may read, run and change', async () => {
    const service = await createService(ctx.api);
    const operator = await ctx.api.mintToken('operator');
    const listedOperator = await ctx.api.mintToken('operator');
    const viewer = await ctx.api.mintToken('viewer');
    const operatorId = (await ctx.api.db.sql<{ id: string }[]>`select id from api_tokens where lookup_prefix = ${listedOperator.slice(0, 12)}`)[0]?.id;
    const guarded = await createDeployment(ctx.api, service.id, {
      access_rules: { read: { min_role: 'operator' }, change: { token_ids: [operatorId] } },
    });
    await request(ctx.api.app).get(`/v1/deployments/${guarded.id}`).set(ctx.api.auth(viewer)).expect(404);
    const viewerList = await request(ctx.api.app).get('/v1/deployments').query({ limit: 500 }).set(ctx.api.auth(viewer)).expect(200);
    expect(viewerList.body.items.map((d: { id: string }) => d.id)).not.toContain(guarded.id);
    await request(ctx.api.app).get(`/v1/deployments/${guarded.id}`).set(ctx.api.auth(operator)).expect(200);
    await request(ctx.api.app).patch(`/v1/deployments/${guarded.id}`).set(ctx.api.auth(operator)).send({ description: 'x' }).expect(403);
    await request(ctx.api.app).patch(`/v1/deployments/${guarded.id}`).set(ctx.api.auth(listedOperator)).send({ description: 'y' }).expect(200);
    await request(ctx.api.app).patch(`/v1/deployments/${guarded.id}`).set(ctx.api.auth(ctx.api.adminToken)).send({ description: 'z' }).expect(200);
  });

  it('refuses to delete a deployment actions use, naming them', async () => {
    const service = await createService(ctx.api);
    const deployment = await createDeployment(ctx.api, service.id);
    const action = await createAction(ctx.api, deployment.id);
    const refused = await request(ctx.api.app).delete(`/v1/deployments/${deployment.id}`).set(ctx.api.auth(ctx.api.adminToken)).expect(409);
    expect(refused.body.error.details.actions).toEqual([{ id: action.id, name: action.name }]);
  });

  it('answers 404 for an unknown service or deployment and 400 for bad fields', async () => {
    await request(ctx.api.app)
      .post('/v1/deployments')
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ name: uniqueName('d'), service_id: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    await request(ctx.api.app).get('/v1/deployments/00000000-0000-4000-8000-000000000000').set(ctx.api.auth(ctx.api.adminToken)).expect(404);
    const bad = await request(ctx.api.app)
      .post('/v1/deployments')
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ name: 'UPPER', service_id: 'x', rate_limit: { requests: 0, interval_ms: 1 } })
      .expect(400);
    const fields = (bad.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['name', 'rate_limit.requests', 'service_id']);
  });
});
