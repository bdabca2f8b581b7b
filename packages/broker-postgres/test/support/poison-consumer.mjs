// A consumer process for the poison-message test: concurrency 4, prefetch 8, and a
// handler that kills its own process (SIGKILL, no cleanup) when it meets the poison.
// Every other delivery takes a moment of work, then is acked; each is logged as a line
// of JSON on stdout so the test can see who handled what, at which attempt.
import core from '@interflow/core';
import brokerPostgres from '@interflow/broker-postgres';

const { createSqlClient, createSilentLogger } = core;
const { PostgresBroker } = brokerPostgres;
const sql = createSqlClient({ url: process.env.DATABASE_URL, schema: process.env.DATABASE_SCHEMA, max: 4 });
const broker = new PostgresBroker({ sql, logger: createSilentLogger(), schema: process.env.DATABASE_SCHEMA, pollIntervalMs: 200 });
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

broker.consume(
  process.env.QUEUE,
  async (delivery) => {
    say({ message: 'handling', payload: delivery.payload, attempt: delivery.attempt, recovered: delivery.recovered });
    if (delivery.payload === 'poison') process.kill(process.pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    say({ message: 'handled', payload: delivery.payload });
  },
  { concurrency: 4, prefetch: 8, leaseMs: Number(process.env.LEASE_MS ?? 1000) },
);
say({ message: 'consuming' });
process.on('SIGTERM', () => {
  void broker.close().then(() => sql.end({ timeout: 1 })).then(() => process.exit(0));
});
