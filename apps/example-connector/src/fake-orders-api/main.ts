import { z } from 'zod';
import { createLogger, intVar, parseConfigOrExit } from '@interflow/core';
import { createFakeOrdersApi } from './orders-api';

const configSchema = z.object({
  FAKE_ORDERS_API_PORT: intVar(4100, 0, 65535),
  FAKE_ORDERS_API_HOST: z.string().default('127.0.0.1'),
  FAKE_ORDERS_API_KEY: z.string().min(8, { message: 'expected at least 8 characters' }).default('demo-orders-api-key'),
  /** A new order appears this often (0: never), so scheduled runs find something new. */
  FAKE_ORDERS_NEW_ORDER_EVERY_MS: intVar(15_000, 0, 86_400_000),
  LOG_LEVEL: z.string().default('info'),
});

/** The fake foreign API as a process (`npm run start:fake-api -w apps/example-connector`). */
function main(): void {
  const config = parseConfigOrExit('fake-orders-api', configSchema, process.env);
  const logger = createLogger({ service: 'fake-orders-api', level: config.LOG_LEVEL });
  const api = createFakeOrdersApi({ apiKey: config.FAKE_ORDERS_API_KEY, newOrderEveryMs: config.FAKE_ORDERS_NEW_ORDER_EVERY_MS });
  const server = api.app.listen(config.FAKE_ORDERS_API_PORT, config.FAKE_ORDERS_API_HOST, () => {
    logger.info('fake orders API listening', { url: `http://${config.FAKE_ORDERS_API_HOST}:${config.FAKE_ORDERS_API_PORT}` });
  });
  const stop = () => {
    api.stop();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
