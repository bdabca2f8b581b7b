import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSilentLogger, createSqlClient, migrate, PostgresBroker, type Sql } from '@interflow/core';
import { ensureDatabase } from '@interflow/local-postgres';
import { migrations } from '@interflow/migrations';
import { freePort, waitFor } from '@interflow/test-kit';
import { PrivatePostgres } from './private-postgres';

describe('PostgreSQL broker: database restart', () => {
  let server: PrivatePostgres;
  let sql: Sql;
  let broker: PostgresBroker;
  const schema = 'mq_restart';

  beforeAll(async () => {
    server = new PrivatePostgres(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-mq-restart-')), await freePort());
    await server.start();
    const url = await ensureDatabase(server.url, 'interflow_restart');
    await migrate({ url, schema, migrations });
    sql = createSqlClient({ url, schema, max: 4 });
    broker = new PostgresBroker({ sql, logger: createSilentLogger(), schema, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await broker?.close();
    await sql?.end({ timeout: 1 });
    await server?.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('a consumer keeps going after PostgreSQL is restarted', async () => {
    await broker.declareQueue({ name: 'survivor' });
    const handled = new Set<number>();
    const consumer = broker.consume<number>('survivor', async (delivery) => {
      handled.add(delivery.payload);
    });
    await broker.publish({ exchange: '', routingKey: 'survivor', message: { payload: 1 } });
    await waitFor(() => handled.has(1));

    await server.stop();
    await server.start();

    // The publisher may hit the dead connection first; it succeeds once the pool reconnects.
    await waitFor(
      async () => {
        await broker.publish({ exchange: '', routingKey: 'survivor', message: { payload: 2 } });
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await waitFor(() => handled.has(2), { timeoutMs: 60_000 });
    await consumer.stop();
  });
});
