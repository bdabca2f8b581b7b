import { quoteIdentifier } from '@interflow/core';
import type { TestApi } from './test-api';

/**
 * What changes in the background, by itself or as the bookkeeping of any authenticated
 * request, and so is left out of "did this request change anything": consumer
 * heartbeats, the publish/ack rate counters, and a token's last_used_at.
 */
const VOLATILE: Record<string, 'table' | string[]> = {
  mq_consumers: ['heartbeat_at'],
  mq_rate_buckets: 'table',
  api_tokens: ['last_used_at'],
};

/**
 * A digest of every row of every table in the test api's schema (volatile columns
 * aside): equal before and after a request means the request changed nothing.
 * Returns table → md5 of its sorted rows, so a failure names the table that changed.
 */
export async function tableDigest(api: TestApi): Promise<Record<string, string>> {
  const columns = await api.db.sql<{ table_name: string; column_name: string }[]>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = ${api.db.schema} and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`;
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns) {
    const skip = VOLATILE[table];
    if (skip === 'table' || skip?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const selects = [...byTable].map(([table, cols]) => {
    const row = `row(${cols.map((c) => `t.${quoteIdentifier(c)}`).join(', ')})::text`;
    return `select ${`'${table}'`} as name, md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as digest from ${quoteIdentifier(table)} t`;
  });
  const rows = await api.db.sql.unsafe<{ name: string; digest: string }[]>(selects.join(' union all '));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
