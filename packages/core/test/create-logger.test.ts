import { PassThrough } from 'node:stream';
import { createLogger } from '../src';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, the time and the ids of a child logger', async () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'runner', stream });
    logger.child({ runId: 'r1', actionId: 'a1' }).info('run started', { attempt: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({ level: 'info', message: 'run started', service: 'runner', runId: 'r1', actionId: 'a1', attempt: 2 });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('redacts fields that look secret, at any depth', async () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'api', stream });
    logger.info('deployment saved', { deployment: { name: 'bank', credentials: { password: 'p4ss' }, apiKey: 'k' }, token: 't' });
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('p4ss');
    expect(text).not.toMatch(/"k"|"t"/);
    expect(lines[0]).toMatchObject({ token: '[redacted]', deployment: { name: 'bank', credentials: '[redacted]', apiKey: '[redacted]' } });
  });
});
