import { type Sql } from '@interflow/core';

/**
 * Holds every runner off a deployment until `ms` from now (the database's clock, so
 * runners with skewed clocks agree). One upsert; a longer pause already in place is kept.
 * The same statement NOTIFYs `channel` with `<ms left> <deployment id>` (delivered to
 * every listening runner when it commits). Answers the ms the deployment is now paused for.
 * Params: deployment id, pause in ms.
 */
export async function pauseDeployment(sql: Sql, channel: string, deploymentId: string, ms: number): Promise<number> {
  const [row] = await sql<{ left_ms: number }[]>`
    with paused as (
      insert into deployment_pauses as p (deployment_id, until)
      values (${deploymentId}, clock_timestamp() + ${ms} * interval '1 millisecond')
      on conflict (deployment_id) do update set until = greatest(p.until, excluded.until)
      returning deployment_id, greatest(0, ceil(extract(epoch from until - clock_timestamp()) * 1000))::float8 as left_ms
    )
    select left_ms, pg_notify(${channel}, left_ms::bigint || ' ' || deployment_id) from paused`;
  return row?.left_ms ?? 0;
}

/** Every deployment paused now, with the ms each is still paused for (the database's clock). */
export async function activePauses(sql: Sql): Promise<{ deploymentId: string; leftMs: number }[]> {
  const rows = await sql<{ deployment_id: string; left_ms: number }[]>`
    select deployment_id, ceil(extract(epoch from until - clock_timestamp()) * 1000)::float8 as left_ms
    from deployment_pauses where until > clock_timestamp()`;
  return rows.map((row) => ({ deploymentId: row.deployment_id, leftMs: row.left_ms }));
}
