import request from 'supertest';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('/v1/tokens', () => {
  it('creates a token whose secret is shown once and stored only hashed', async () => {
    const created = await request(api.app)
      .post('/v1/tokens')
      .set(api.auth(api.adminToken))
      .send({ name: 'ci', role: 'operator' })
      .expect(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^ifw_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: 'ci', role: 'operator', deployment_scopes: null, prefix: secret.slice(0, 12) });

    const fetched = await request(api.app).get(`/v1/tokens/${created.body.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(fetched.body.token).toBeUndefined();
    expect(JSON.stringify(fetched.body)).not.toContain(secret);

    const rows = await api.db.sql<{ row: string }[]>`select row_to_json(t)::text as row from api_tokens t where id = ${created.body.id}`;
    expect(rows[0]?.row).not.toContain(secret);
    expect(rows[0]?.row).not.toContain(secret.slice(12));

    // The new token authenticates as an operator: it may not manage tokens.
    await request(api.app).get('/v1/tokens').set(api.auth(secret)).expect(403);
  });

  it('refuses a request without, or with a wrong, bearer token', async () => {
    const anonymous = await request(api.app).get('/v1/tokens').expect(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    await request(api.app).get('/v1/tokens').set(api.auth('ifw_not-a-real-token-at-all-xxxxxxxxxxxxxxxxx')).expect(401);
    await request(api.app).get('/v1/tokens').set('Authorization', 'Basic abc').expect(401);
  });

  it('names each invalid field and stores nothing', async () => {
    const before = await api.db.sql`select count(*)::int as n from api_tokens`;
    const response = await request(api.app)
      .post('/v1/tokens')
      .set(api.auth(api.adminToken))
      .send({ name: '', role: 'root', deployment_scopes: ['nope'], colour: 'red' })
      .expect(400);
    expect(response.body.error.code).toBe('validation_failed');
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['colour', 'deployment_scopes.0', 'name', 'role']);
    const after = await api.db.sql`select count(*)::int as n from api_tokens`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('pages through tokens with a cursor', async () => {
    for (let i = 0; i < 5; i++) await api.mintToken('viewer', { name: `page ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: request.Response = await request(api.app)
        .get('/v1/tokens')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .set(api.auth(api.adminToken))
        .expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(response.body.items as { id: string }[]).map((t) => t.id));
      cursor = response.body.next_cursor;
    } while (cursor);
    const total = await api.db.sql<{ n: number }[]>`select count(*)::int as n from api_tokens where revoked_at is null`;
    expect(seen).toHaveLength(total[0]?.n ?? -1);
    expect(new Set(seen).size).toBe(seen.length);

    const bad = await request(api.app).get('/v1/tokens').query({ cursor: 'garbage' }).set(api.auth(api.adminToken)).expect(400);
    expect(bad.body.error.details[0].field).toBe('cursor');
  });

  it('revokes a token at once, but never the last admin', async () => {
    const secret = await api.mintToken('viewer');
    const list = await request(api.app).get('/v1/tokens').query({ limit: 500 }).set(api.auth(api.adminToken)).expect(200);
    const viewer = (list.body.items as { id: string; prefix: string }[]).find((t) => t.prefix === secret.slice(0, 12));
    if (!viewer) throw new Error('minted token not listed');
    await request(api.app).get('/v1/tokens').set(api.auth(secret)).expect(403);
    const revoked = await request(api.app).delete(`/v1/tokens/${viewer.id}`).set(api.auth(api.adminToken)).expect(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    await request(api.app).get('/v1/tokens').set(api.auth(secret)).expect(401);

    const admins = await api.db.sql<{ id: string }[]>`select id from api_tokens
      where role = 'admin' and revoked_at is null and deployment_scopes is null and (expires_at is null or expires_at > now())`;
    expect(admins).toHaveLength(1);
    const refused = await request(api.app).delete(`/v1/tokens/${admins[0]?.id}`).set(api.auth(api.adminToken)).expect(409);
    expect(refused.body.error.code).toBe('conflict');
    await request(api.app).get('/v1/tokens').set(api.auth(api.adminToken)).expect(200);
  });

  it('answers 404 for an unknown token and 400 for a malformed id', async () => {
    await request(api.app).get('/v1/tokens/00000000-0000-4000-8000-000000000000').set(api.auth(api.adminToken)).expect(404);
    const bad = await request(api.app).get('/v1/tokens/not-a-uuid').set(api.auth(api.adminToken)).expect(400);
    expect(bad.body.error.details[0].field).toBe('id');
  });

  it('does not let a deployment-scoped admin manage tokens', async () => {
    const scoped = await api.mintToken('admin', { deploymentScopes: ['00000000-0000-4000-8000-000000000001'] });
    await request(api.app).post('/v1/tokens').set(api.auth(scoped)).send({ name: 'x', role: 'admin' }).expect(403);
  });

  it('refuses an expired token', async () => {
    const created = await request(api.app)
      .post('/v1/tokens')
      .set(api.auth(api.adminToken))
      .send({ name: 'short-lived', role: 'admin', expires_at: '2000-01-01T00:00:00Z' })
      .expect(201);
    await request(api.app).get('/v1/tokens').set(api.auth(created.body.token)).expect(401);
  });
});
