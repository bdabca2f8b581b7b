import { PassThrough } from 'node:stream';
import { createLogger } from '@interflow/core';
import { createTestApi, type TestApi } from './test-api';

export interface ApiWithLogs {
  api: TestApi;
  /** Every line the api logged (debug and up), to check what it does and does not say. */
  logLines: string[];
}

/**
 * For a test file: a test api whose logger writes into `logLines`, built before the
 * tests and closed after them. The fields are filled in by `beforeAll`.
 */
export function useApiWithLogs(): ApiWithLogs {
  const context = { logLines: [] as string[] } as ApiWithLogs;
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => context.logLines.push(chunk.toString('utf8')));
    context.api = await createTestApi({ logger: createLogger({ service: 'api-test', level: 'debug', stream }) });
  });
  afterAll(async () => {
    await context.api?.close();
  });
  return context;
}
