import postgres from 'postgres';
import { checkReadiness, createSqlClient, quoteIdentifier } from '@interflow/core';
import { migrate } from '../src';
import { migrationNames, migrations } from '@interflow/migrations';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';

describe('migrate', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('reports not ready before migrating, and pending names', async () => {
    const report = await checkReadiness(db.sql, migrationNames);
    expect(report.ready).toBe(false);
    expect(report.checks.database).toBe('ok');
  });

  it('applies each migration exactly once when several processes migrate at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => migrate({ url: db.url, schema: db.schema, migrations })),
    );
    const appliedAll = results.flat();
    expect(appliedAll.sort()).toEqual([...migrationNames].sort());
    const rows = await db.sql<{ name: string }[]>`select name from migrations`;
    expect(rows.map((r) => r.name).sort()).toEqual([...migrationNames].sort());
    const report = await checkReadiness(db.sql, migrationNames);
    expect(report).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok' } });
  });

  it('creates the schema when it does not exist yet', async () => {
    const schema = `${db.schema}_fresh`;
    try {
      await migrate({ url: db.url, schema, migrations });
      const sql = createSqlClient({ url: db.url, schema, max: 1 });
      const report = await checkReadiness(sql, migrationNames);
      await sql.end();
      expect(report.ready).toBe(true);
    } finally {
      const admin = postgres(db.url, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      await admin.end();
    }
  });

  it('says the database is unreachable when it is', async () => {
    const sql = createSqlClient({ url: 'postgres://postgres@127.0.0.1:1/nothing', schema: 'x', max: 1 });
    const report = await checkReadiness(sql, migrationNames);
    await sql.end();
    expect(report.ready).toBe(false);
    expect(report.checks.database).toMatch(/unreachable/);
  });
});
