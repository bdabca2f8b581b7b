import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createSilentLogger, systemClock } from '@interflow/core';
import { authenticateApiToken } from '../src/access/api-tokens';
import { ensureBootstrapAdmin } from '../src/access/bootstrap-admin';

let db: TestDatabase;
const logger = createSilentLogger();

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 8 });
});

afterAll(async () => {
  await db.drop();
});

describe('ensureBootstrapAdmin', () => {
  it('issues and announces a generated admin token exactly once, even from replicas starting together', async () => {
    const announced: string[] = [];
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => ensureBootstrapAdmin({ sql: db.sql, logger, announce: (t) => announced.push(t) })),
    );
    expect(outcomes.filter((o) => o === 'generated')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_issued')).toHaveLength(3);
    expect(announced).toHaveLength(1);
    const principal = await authenticateApiToken(db.sql, announced[0] ?? '', systemClock);
    expect(principal).toMatchObject({ role: 'admin', deploymentScopes: null });

    expect(await ensureBootstrapAdmin({ sql: db.sql, logger, announce: (t) => announced.push(t) })).toBe('already_issued');
    expect(announced).toHaveLength(1);
  });

  it('registers INTERFLOW_ADMIN_TOKEN once and keeps a revoked one revoked', async () => {
    const configuredToken = 'operator-chosen-admin-token-0123456789abcdef';
    const announce = () => {
      throw new Error('a configured token is never announced');
    };
    expect(await ensureBootstrapAdmin({ sql: db.sql, logger, configuredToken, announce })).toBe('configured_token_registered');
    expect(await ensureBootstrapAdmin({ sql: db.sql, logger, configuredToken, announce })).toBe('configured_token_present');
    const principal = await authenticateApiToken(db.sql, configuredToken, systemClock);
    expect(principal?.role).toBe('admin');

    await db.sql`update api_tokens set revoked_at = now() where id = ${principal?.tokenId ?? ''}`;
    expect(await ensureBootstrapAdmin({ sql: db.sql, logger, configuredToken, announce })).toBe('configured_token_present');
    expect(await authenticateApiToken(db.sql, configuredToken, systemClock)).toBeNull();
  });
});
