import { NotFoundError, type SqlExecutor } from '@interflow/core';
import { checkExchangeDeclaration, exchangeTypeConflict, type Exchange, type ExchangeDeclaration, type ExchangeType } from '@interflow/broker';

interface ExchangeRow {
  name: string;
  type: ExchangeType;
  alternate_exchange: string | null;
  created_at: Date;
}

function toExchange(row: ExchangeRow): Exchange {
  return { name: row.name, type: row.type, alternateExchange: row.alternate_exchange, createdAt: row.created_at };
}

/**
 * Creates the exchange, or updates its alternate exchange when it exists with the same
 * type (declaring is idempotent, as in AMQP). A different type is a conflict: bindings
 * made for one type mean nothing to another.
 */
export async function declareExchange(sql: SqlExecutor, declaration: ExchangeDeclaration): Promise<Exchange> {
  const alternate = checkExchangeDeclaration(declaration);
  if (alternate !== null) {
    const [found] = await sql`select 1 from mq_exchanges where name = ${alternate}`;
    if (!found) throw new NotFoundError('exchange', alternate);
  }
  const [row] = await sql<ExchangeRow[]>`
    insert into mq_exchanges (name, type, alternate_exchange) values (${declaration.name}, ${declaration.type}, ${alternate})
    on conflict (name) do update set alternate_exchange = excluded.alternate_exchange
      where mq_exchanges.type = excluded.type
    returning name, type, alternate_exchange, created_at`;
  if (!row) {
    const existing = await getExchange(sql, declaration.name);
    throw exchangeTypeConflict(declaration.name, existing?.type, declaration.type);
  }
  return toExchange(row);
}

export async function getExchange(sql: SqlExecutor, name: string): Promise<Exchange | null> {
  const [row] = await sql<ExchangeRow[]>`select name, type, alternate_exchange, created_at from mq_exchanges where name = ${name}`;
  return row ? toExchange(row) : null;
}

export async function listExchanges(sql: SqlExecutor): Promise<Exchange[]> {
  const rows = await sql<ExchangeRow[]>`select name, type, alternate_exchange, created_at from mq_exchanges order by name`;
  return rows.map(toExchange);
}

/** Deletes the exchange and its bindings; exchanges that used it as alternate lose it. */
export async function deleteExchange(sql: SqlExecutor, name: string): Promise<void> {
  const deleted = await sql`delete from mq_exchanges where name = ${name} returning name`;
  if (deleted.length === 0) throw new NotFoundError('exchange', name);
}
