import type { Sql } from '@interflow/core';

/** Counters of the benchmark's database (pg_stat_database) and of each table of its schema. */
export interface DatabaseActivity {
  commits: number;
  /** Per table: rows inserted, updated, deleted. */
  tables: Map<string, { inserted: number; updated: number; deleted: number }>;
}

/**
 * Reads the statistics counters. PostgreSQL backends report them at most once a
 * second and an idle one up to 10 s later, so callers wait that long before the reading
 * that closes a phase.
 */
export async function readDatabaseActivity(sql: Sql, schema: string): Promise<DatabaseActivity> {
  const [database] = await sql<{ commits: string }[]>`select xact_commit::text as commits from pg_stat_database where datname = current_database()`;
  const rows = await sql<{ relname: string; inserted: string; updated: string; deleted: string }[]>`
    select relname, n_tup_ins::text as inserted, n_tup_upd::text as updated, n_tup_del::text as deleted
    from pg_stat_user_tables where schemaname = ${schema}`;
  return {
    commits: Number(database?.commits ?? 0),
    tables: new Map(rows.map((row) => [row.relname, { inserted: Number(row.inserted), updated: Number(row.updated), deleted: Number(row.deleted) }])),
  };
}

/** Per run: transactions committed and rows written per table (only tables that changed). */
export function activityPerRun(before: DatabaseActivity, after: DatabaseActivity, runs: number, ownStatements: number): {
  commits: number;
  rowsWritten: number;
  byTable: Record<string, string>;
} {
  const byTable: Record<string, string> = {};
  let rowsWritten = 0;
  for (const [table, counts] of after.tables) {
    const earlier = before.tables.get(table) ?? { inserted: 0, updated: 0, deleted: 0 };
    const inserted = (counts.inserted - earlier.inserted) / runs;
    const updated = (counts.updated - earlier.updated) / runs;
    const deleted = (counts.deleted - earlier.deleted) / runs;
    if (inserted + updated + deleted < 0.01) continue;
    rowsWritten += inserted + updated + deleted;
    byTable[table] = `+${inserted.toFixed(2)} ~${updated.toFixed(2)} -${deleted.toFixed(2)}`;
  }
  return { commits: (after.commits - before.commits - ownStatements) / runs, rowsWritten, byTable };
}

/** A server backend connected to the benchmark's database, and the client that opened it (`application_name`). */
export interface Backend {
  pid: number;
  client: string;
}

/** The server backends connected to the benchmark's database (not this connection). */
export async function backends(sql: Sql): Promise<Backend[]> {
  const rows = await sql<{ pid: number; client: string }[]>`
    select pid, application_name as client from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.map((row) => ({ pid: row.pid, client: row.client || 'other' }));
}
