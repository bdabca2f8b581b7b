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

/**
 * How long each deployment is still paused, in ms (0 when it is not), in one read (a
 * runner asks for the deployments of the calls it makes together this way): one answer
 * per id, in order; the database's clock. Param: deployment ids.
 */
export async function deploymentPausesLeftMs(sql: Sql, deploymentIds: string[]): Promise<number[]> {
  if (deploymentIds.length === 0) return [];
  const rows = await sql<{ deployment_id: string; left_ms: number }[]>`
    select deployment_id, greatest(0, ceil(extract(epoch from until - clock_timestamp()) * 1000))::float8 as left_ms
    from deployment_pauses where deployment_id = any(${[...new Set(deploymentIds)]}::text[])`;
  const left = new Map(rows.map((row) => [row.deployment_id, row.left_ms]));
  return deploymentIds.map((id) => left.get(id) ?? 0);
}
