import { moveBroker } from '@interflow/broker-move';
import { PostgresBroker } from '@interflow/broker-postgres';
import { RabbitmqBroker } from '@interflow/broker-rabbitmq';
import { brokerConfigShape, maskedAmqpUrl } from '@interflow/broker-select';
import { createLogger, createSqlClient, failureLine, parseConfigOrExit } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { parseBrokerMoveArguments } from './broker-move-arguments';
import { launcherConfigSchema } from './config';
import { provideDatabase } from './database';

const brokerMoveConfigSchema = launcherConfigSchema.extend({ ...brokerConfigShape, AMQP_URL: brokerConfigShape.AMQP_URL.unwrap() });

/**
 * `npm run broker:move -- --to rabbitmq` (or `--to postgres`): moves topology and waiting
 * messages from one broker to the other (docs/broker-rabbitmq.md). Reads the daemons'
 * variables (DATABASE_URL, DATABASE_SCHEMA, AMQP_URL, AMQP_NAME_PREFIX); applies pending
 * migrations first. Exits 0 once the move finished, 1 otherwise: run it again.
 */
async function main(): Promise<void> {
  const args = parseBrokerMoveArguments(process.argv.slice(2));
  const config = parseConfigOrExit('broker-move', brokerMoveConfigSchema, process.env);
  const logger = createLogger({ service: 'broker-move', level: config.LOG_LEVEL });
  const database = await provideDatabase(config, logger);
  const sql = createSqlClient({ url: database.url, schema: config.DATABASE_SCHEMA, max: 4, applicationName: 'interflow:broker-move' });
  let rabbitmq: RabbitmqBroker | null = null;
  let postgres: PostgresBroker | null = null;
  try {
    await migrate({ url: database.url, schema: config.DATABASE_SCHEMA, migrations, logger });
    logger.info('moving brokers', { to: args.to, amqpUrl: maskedAmqpUrl(config.AMQP_URL), namePrefix: config.AMQP_NAME_PREFIX });
    postgres = new PostgresBroker({ sql, logger, schema: config.DATABASE_SCHEMA });
    rabbitmq = new RabbitmqBroker({ sql, logger, url: config.AMQP_URL, namePrefix: config.AMQP_NAME_PREFIX, outboxSweepAgeMs: 0 });
    const report = await moveBroker({ sql, postgres, rabbitmq, logger, to: args.to, batchSize: args.batchSize });
    process.stdout.write(`${JSON.stringify({ moved: report.moved, movedThisRun: report.movedThisRun, resumed: report.resumed, topology: report.topology, to: args.to })}\n`);
  } finally {
    await rabbitmq?.close().catch(() => undefined);
    await postgres?.close().catch(() => undefined);
    await sql.end({ timeout: 2 });
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(failureLine('broker-move', 'failed', error));
  process.exit(1);
});
