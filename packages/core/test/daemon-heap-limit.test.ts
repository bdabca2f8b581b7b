import { execFileSync } from 'node:child_process';
import { heapLimitNodeArgs } from '../src/lifecycle/daemon-heap-limit';

describe('heapLimitNodeArgs', () => {
  it.each([
    { nodeOptions: undefined, args: ['--max-old-space-size=256'] },
    { nodeOptions: '', args: ['--max-old-space-size=256'] },
    { nodeOptions: '--enable-source-maps --max-semi-space-size=32', args: ['--max-old-space-size=256'] },
    { nodeOptions: '--max-old-space-size=1024', args: [] },
    { nodeOptions: '--enable-source-maps --max_old_space_size=64', args: [] },
    { nodeOptions: '--cpu-prof --max-old-space-size 512', args: [] },
  ])('with NODE_OPTIONS $nodeOptions gives $args', ({ nodeOptions, args }) => {
    expect(heapLimitNodeArgs(256, nodeOptions)).toEqual(args);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a heap limit of %p MB', (limit) => {
    expect(() => heapLimitNodeArgs(limit, undefined)).toThrow('positive number of MB');
  });

  /** The heap limit V8 reports in a node started with `args` and `nodeOptions`, in MB. */
  function heapLimitOfNode(args: string[], nodeOptions: string): number {
    const printed = execFileSync(process.execPath, [...args, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))'], {
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: nodeOptions },
      encoding: 'utf8',
    });
    return Number(printed) / 2 ** 20;
  }

  it('gives a node started with its arguments that old space, and leaves an operator’s own limit in force', () => {
    // heap_size_limit is the old space plus the young generation's few MB
    const limited = heapLimitOfNode(heapLimitNodeArgs(192, ''), '');
    expect(limited).toBeGreaterThanOrEqual(192);
    expect(limited).toBeLessThan(192 + 64);
    const operators = heapLimitOfNode(heapLimitNodeArgs(192, '--max-old-space-size=320'), '--max-old-space-size=320');
    expect(operators).toBeGreaterThanOrEqual(320);
    expect(operators).toBeLessThan(320 + 64);
  });
});
