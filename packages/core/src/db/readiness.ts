import type { Sql } from './sql-client';
import { MIGRATIONS_TABLE } from './migrations-table';

export interface ReadinessReport {
  ready: boolean;
  /** 'ok' or why not, per check: database, migrations, then the daemon's own (e.g. secrets). */
  checks: {
    database: 'ok' | string;
    migrations: 'ok' | string;
    [check: string]: 'ok' | string;
  };
  /** Set while the daemon shuts down: it takes no new work. */
  draining?: boolean;
}

/**
 * Ready means: the database answers, and every migration this build knows of has been
 * applied to the schema (a daemon never serves against an older or missing schema).
 */
export async function checkReadiness(sql: Sql, expectedMigrations: readonly string[]): Promise<ReadinessReport> {
  let applied: Set<string>;
  try {
    const table = await sql<{ exists: boolean }[]>`select to_regclass(${MIGRATIONS_TABLE}) is not null as exists`;
    if (!table[0]?.exists) {
      return { ready: false, checks: { database: 'ok', migrations: 'not migrated: run `npm run migrate`' } };
    }
    const rows = await sql<{ name: string }[]>`select name from ${sql(MIGRATIONS_TABLE)}`;
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ready: false, checks: { database: `unreachable: ${message}`, migrations: 'unknown' } };
  }
  const pending = expectedMigrations.filter((name) => !applied.has(name));
  return pending.length === 0
    ? { ready: true, checks: { database: 'ok', migrations: 'ok' } }
    : { ready: false, checks: { database: 'ok', migrations: `pending: ${pending.join(', ')}` } };
}
