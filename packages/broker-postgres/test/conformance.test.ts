import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeBrokerConformance, transactionOn, type ConformanceSubject, type InterruptibleSubject, type SubjectOptions } from '@interflow/broker/conformance';
import { createSilentLogger, createSqlClient, type Sql } from '@interflow/core';
import { ensureDatabase } from '@interflow/local-postgres';
import { migrate, migrations } from '@interflow/migrations';
import { freePort, PrivatePostgres } from '@interflow/test-kit';
import { PostgresBroker } from '../src';
import { createBrokerFixture } from './broker-fixture';

/** Polling once a minute: only a NOTIFY brings a message over within a test. */
const pollIntervalMs = (options: SubjectOptions) => (options.wakeUpOnly ? 60_000 : 200);

async function makeSubject(options: SubjectOptions = {}): Promise<ConformanceSubject> {
  const fixture = await createBrokerFixture({ heartbeatIntervalMs: 1000, pollIntervalMs: pollIntervalMs(options), ...(options.random ? { random: options.random } : {}) });
  return {
    broker: fixture.broker,
    otherBroker: () => fixture.otherBroker(),
    transaction: transactionOn(fixture.db.sql),
    close: () => fixture.close(),
  };
}

/** A PostgreSQL server of the test's own, which it may stop and start again. */
async function makeInterruptibleSubject(options: SubjectOptions = {}): Promise<InterruptibleSubject> {
  const server = new PrivatePostgres(fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-conformance-restart-')), await freePort());
  await server.start();
  const schema = 'conformance_restart';
  const url = await ensureDatabase(server.url, 'interflow_restart');
  await migrate({ url, schema, migrations });
  const pools: Sql[] = [];
  const brokers: PostgresBroker[] = [];
  const open = () => {
    const sql = createSqlClient({ url, schema, max: 4 });
    const broker = new PostgresBroker({ sql, logger: createSilentLogger(), schema, heartbeatIntervalMs: 1000, pollIntervalMs: pollIntervalMs(options) });
    pools.push(sql);
    brokers.push(broker);
    return broker;
  };
  const broker = open();
  const [sql] = pools;
  if (!sql) throw new Error('no pool');
  return {
    broker,
    otherBroker: open,
    transaction: transactionOn(sql),
    async interrupt() {
      await server.stop();
      await server.start();
    },
    async close() {
      for (const each of brokers) await each.close();
      for (const pool of pools) await pool.end({ timeout: 1 });
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

describeBrokerConformance('PostgreSQL', { makeSubject, makeInterruptibleSubject });
