import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSilentLogger, createSqlClient, type Sql } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { PostgresBroker } from '../src';
import { ensureDatabase } from '@interflow/local-postgres';
import { freePort, PrivatePostgres, waitFor } from '@interflow/test-kit';

describe('PostgreSQL broker: database restart', () => {
  let server: PrivatePostgres;
  let sql: Sql;
  let broker: PostgresBroker;
  let otherSql: Sql;
  let otherBroker: PostgresBroker;
  const schema = 'mq_restart';

  beforeAll(async () => {
    server = new PrivatePostgres(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-mq-restart-')), await freePort());
    await server.start();
    const url = await ensureDatabase(server.url, 'interflow_restart');
    await migrate({ url, schema, migrations });
    sql = createSqlClient({ url, schema, max: 4 });
    broker = new PostgresBroker({ sql, logger: createSilentLogger(), schema, pollIntervalMs: 200 });
    // Another process, as far as the queue can tell, polling so rarely that only a
    // NOTIFY on a re-established LISTEN can wake it within the test.
    otherSql = createSqlClient({ url, schema, max: 2 });
    otherBroker = new PostgresBroker({ sql: otherSql, logger: createSilentLogger(), schema, pollIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await otherBroker?.close();
    await otherSql?.end({ timeout: 1 });
    await broker?.close();
    await sql?.end({ timeout: 1 });
    await server?.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('a consumer keeps going after PostgreSQL is restarted', async () => {
    await broker.declareQueue({ name: 'survivor' });
    await broker.declareQueue({ name: 'survivor.elsewhere' });
    const handled = new Set<number>();
    const consumer = broker.consume<number>('survivor', async (delivery) => {
      handled.add(delivery.payload);
    });
    const handledElsewhere = new Set<number>();
    const remoteConsumer = otherBroker.consume<number>('survivor.elsewhere', async (delivery) => {
      handledElsewhere.add(delivery.payload);
    });
    await waitFor(async () => (await broker.listConsumers({ queue: 'survivor.elsewhere' })).length === 1);
    await broker.publish({ exchange: '', routingKey: 'survivor', message: { payload: 1 } });
    await broker.publish({ exchange: '', routingKey: 'survivor.elsewhere', message: { payload: 1 } });
    await waitFor(() => handled.has(1) && handledElsewhere.has(1));

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
    await waitFor(
      async () => {
        await broker.publish({ exchange: '', routingKey: 'survivor.elsewhere', message: { payload: 2 } });
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await waitFor(() => handledElsewhere.has(2), { timeoutMs: 20_000, description: 'a NOTIFY through the re-established LISTEN' });
    await Promise.all([consumer.stop(), remoteConsumer.stop()]);
  });
});
