import path from 'node:path';
import type { LauncherConfig } from './config';
import { REPOSITORY_ROOT } from './config';

export interface DaemonSpec {
  name: string;
  script: string;
  env: Record<string, string>;
}

/** The daemons `npm start` runs, each exactly as a container would run it. */
export function daemonSpecs(config: LauncherConfig, databaseUrl: string): DaemonSpec[] {
  const shared = { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: config.DATABASE_SCHEMA, LOG_LEVEL: config.LOG_LEVEL };
  const app = (name: string) => path.join(REPOSITORY_ROOT, 'apps', name, 'dist', 'main.js');
  return [
    { name: 'api', script: app('api'), env: { ...shared, PORT: String(config.PORT) } },
    { name: 'producer', script: app('producer'), env: { ...shared, HEALTH_PORT: String(config.PRODUCER_HEALTH_PORT) } },
    { name: 'runner', script: app('runner'), env: { ...shared, HEALTH_PORT: String(config.RUNNER_HEALTH_PORT) } },
  ];
}
