import { z } from 'zod';
import { createLogger, intVar, parseConfigOrExit } from '@interflow/core';
import { createExampleConnector } from './connector';
import { ApiActionStates } from './api-action-states';

const configSchema = z.object({
  EXAMPLE_CONNECTOR_PORT: intVar(4000, 0, 65535),
  EXAMPLE_CONNECTOR_HOST: z.string().default('127.0.0.1'),
  /** The signing secret the service was registered with; calls signed otherwise are refused. */
  CONNECTOR_SIGNING_SECRET: z.string().min(16, { message: 'expected at least 16 characters' }),
  LOG_LEVEL: z.string().default('info'),
});

/** The example connector as a process (`npm start -w apps/example-connector`). */
function main(): void {
  const config = parseConfigOrExit('example-connector', configSchema, process.env);
  const logger = createLogger({ service: 'example-connector', level: config.LOG_LEVEL });
  const app = createExampleConnector({
    signingSecret: config.CONNECTOR_SIGNING_SECRET,
    states: new ApiActionStates(),
    onUnexpectedError: (error, method) => logger.error('method failed unexpectedly', { method, error }),
  });
  const server = app.listen(config.EXAMPLE_CONNECTOR_PORT, config.EXAMPLE_CONNECTOR_HOST, () => {
    logger.info('example connector listening', { url: `http://${config.EXAMPLE_CONNECTOR_HOST}:${config.EXAMPLE_CONNECTOR_PORT}` });
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
