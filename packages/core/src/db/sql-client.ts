import postgres from 'postgres';

/** The `postgres` (porsager) client used on hot paths: the queue, LISTEN/NOTIFY, readiness. */
export type Sql = postgres.Sql<Record<string, never>>;

export interface SqlClientOptions {
  url: string;
  /** Every unqualified table name resolves in this schema (search_path). */
  schema: string;
  /** Pool size. */
  max?: number;
  applicationName?: string;
  /** Idle connections are closed after this many seconds (0 keeps them). */
  idleTimeoutSeconds?: number;
  /** How long a connection attempt may take (default 10 s). */
  connectTimeoutSeconds?: number;
  /** Wait before reconnecting after a failed attempt; default: the client's growing backoff (up to 20 s). */
  reconnectBackoffSeconds?: number;
}

/**
 * Creates a pooled client whose connections use `search_path = <schema>`, so SQL in
 * Interflow never spells the schema and one database can hold several installations
 * (tests use one schema per test file).
 */
export function createSqlClient(options: SqlClientOptions): Sql {
  return postgres(options.url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeoutSeconds ?? 0,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    ...(options.reconnectBackoffSeconds === undefined ? {} : { backoff: constantBackoff(options.reconnectBackoffSeconds) }),
    onnotice: () => undefined,
    connection: {
      search_path: options.schema,
      application_name: options.applicationName ?? 'interflow',
    },
  }) as unknown as Sql;
}

function constantBackoff(seconds: number): () => number {
  return () => seconds;
}

/** `"name"` quoted as an SQL identifier (for the few statements that must spell a schema). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
