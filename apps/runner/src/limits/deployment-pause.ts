import { type Sql } from '@interflow/core';

/**
 * Holds every runner off a deployment until `ms` from now (the database's clock, so
 * runners with skewed clocks agree). One upsert; a longer pause already in place is kept.
 * Params: deployment id, pause in ms.
 */
export async function pauseDeployment(sql: Sql, deploymentId: string, ms: number): Promise<void> {
  await sql`
    insert into deployment_pauses as p (deployment_id, until)
    values (${deploymentId}, clock_timestamp() + ${ms} * interval '1 millisecond')
    on conflict (deployment_id) do update set until = greatest(p.until, excluded.until)`;
}

/** How long the deployment is still paused, in ms (0 when it is not). Param: deployment id. */
export async function deploymentPauseLeftMs(sql: Sql, deploymentId: string): Promise<number> {
  const [row] = await sql<{ left_ms: number }[]>`
    select greatest(0, ceil(extract(epoch from until - clock_timestamp()) * 1000))::float8 as left_ms
    from deployment_pauses where deployment_id = ${deploymentId}`;
  return row?.left_ms ?? 0;
}
