import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSilentLogger, DAEMON_SEMI_SPACE_MB } from '@interflow/core';
import { superviseDaemons } from '../src/supervisor';

/** Starts one daemon that writes its V8 heap limit (MB) to a file and exits; answers it. */
async function heapLimitOfSupervisedDaemon(heapLimitMb: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supervisor-heap-'));
  const script = path.join(dir, 'daemon.js');
  const answer = path.join(dir, 'heap-limit');
  fs.writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(answer)}, String(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20));`);
  try {
    const supervisor = superviseDaemons([{ name: 'probe', script, env: {}, heapLimitMb }], createSilentLogger());
    expect(await supervisor.firstExit).toMatchObject({ name: 'probe', code: 0 });
    return Number(fs.readFileSync(answer, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('superviseDaemons', () => {
  const inherited = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (inherited === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = inherited;
  });

  // V8's limit is the old space plus three of the largest semi-spaces
  it('starts each daemon with the heap its container would give it', async () => {
    delete process.env.NODE_OPTIONS;
    expect(await heapLimitOfSupervisedDaemon(192)).toBe(192 + 3 * DAEMON_SEMI_SPACE_MB);
  });

  it('leaves the sizes the operator set in NODE_OPTIONS in force', async () => {
    process.env.NODE_OPTIONS = '--max-old-space-size=320 --max-semi-space-size=2';
    expect(await heapLimitOfSupervisedDaemon(192)).toBe(320 + 3 * 2);
  });
});
