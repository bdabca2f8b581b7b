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

  it('does not build the lines of a level that is off, and writes those that are on, through children too', async () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'runner', level: 'warn', stream });
    let read = 0;
    const watched = {
      get detail() {
        read += 1;
        return 'seen';
      },
    };
    const child = logger.child({ runId: 'r1' });
    child.info('not written', { watched });
    logger.debug('not written either', { watched });
    child.warn('written', { watched });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'written', runId: 'r1', watched: { detail: 'seen' } });
    expect(read).toBe(1);
    logger.level = 'info';
    child.info('now written');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line.message)).toEqual(['written', 'now written']);
  });
});
