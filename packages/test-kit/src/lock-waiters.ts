import type { SqlExecutor } from '@interflow/core';

/**
 * The backends that wait for a lock the backend `blockerPid` holds, and whose statement
 * contains `statement` (a literal fragment, not a pattern). Only sessions behind the test's
 * own holder count: test files share one database (a schema each), so matching every
 * lock wait in `pg_stat_activity` by its text finds other files' sessions too, and a test
 * acting on one (terminating it, counting it) acts on a stranger's.
 */
export async function sessionsWaitingBehind(sql: SqlExecutor, blockerPid: number, statement: string): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity
    where ${blockerPid}::int = any(pg_blocking_pids(pid)) and strpos(query, ${statement}) > 0
    order by pid`;
  return rows.map((row) => row.pid);
}

/** The backend process id of the session that runs this statement: the holder's, asked on its own connection. */
export async function backendPid(sql: SqlExecutor): Promise<number> {
  const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  if (!row) throw new Error('pg_backend_pid() answered no row');
  return row.pid;
}
