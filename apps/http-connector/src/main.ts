import { createLogger, parseConfigOrExit } from '@interflow/core';
import { describeAllowList, outboundFetch } from '@interflow/outbound';
import { httpConnectorConfigSchema } from './config';
import { createHttpConnector } from './connector';


/** The HTTP connector as a process: what `npm start` and the container run. */
function main(): void {
  const config = parseConfigOrExit('http-connector', httpConnectorConfigSchema, process.env);
  const logger = createLogger({ service: 'http-connector', level: config.LOG_LEVEL });
  const fetch = outboundFetch(config.INTERFLOW_OUTBOUND_ALLOW);
  const app = createHttpConnector({
    signingSecret: config.CONNECTOR_SIGNING_SECRET,
    fetch,
    maxResponseBytes: config.HTTP_CONNECTOR_MAX_RESPONSE_BYTES,
    onUnexpectedError: (error, method) => logger.error('method failed unexpectedly', { method, error: String(error) }),
  });
  const server = app.listen(config.HTTP_CONNECTOR_PORT, config.HTTP_CONNECTOR_HOST, () => {
    logger.info('http connector listening', {
      url: `http://${config.HTTP_CONNECTOR_HOST}:${config.HTTP_CONNECTOR_PORT}`,
      outboundAllowed: describeAllowList(config.INTERFLOW_OUTBOUND_ALLOW),
      maxResponseBytes: config.HTTP_CONNECTOR_MAX_RESPONSE_BYTES,
    });
  });
  const stop = () => {
    server.close(() => void fetch.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
