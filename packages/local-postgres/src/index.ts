export { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './embedded-server';
export { serverAnswers, ensureDatabase, LOCAL_SERVER_URL } from './database-server';
export { freePort } from './free-port';
export { DataDirectoryInUseError, dataDirectoryHolder } from './data-directory';
