export { createTestDatabase, testDatabaseUrl, dropStaleTestSchemas, type TestDatabase } from './test-database';
export { provideTestServer, freePort, TEST_DATABASE_URL_VARIABLE, TEST_DATABASE_NAME } from './test-server';
export { waitFor, type WaitForOptions } from './wait-for';
export { startDaemon, type DaemonProcess, type StartDaemonOptions } from './daemon-process';
export { PrivatePostgres } from './private-postgres';
export { PrivateRabbitmq } from './private-rabbitmq';
export { startKeepAlivePublishers, confirmsAfterClose, type KeepAlivePublishers, type PublishOutcome } from './keep-alive-publishers';
export { sessionsWaitingBehind, backendPid } from './lock-waiters';
