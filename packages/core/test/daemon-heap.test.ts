import { execFileSync } from 'node:child_process';
import { daemonHeapNodeArgs } from '../src/lifecycle/daemon-heap';

const YOUNG = ['--max-semi-space-size=16'];

describe('daemonHeapNodeArgs', () => {
  it.each([
    { nodeOptions: undefined, args: ['--max-old-space-size=256', ...YOUNG] },
    { nodeOptions: '', args: ['--max-old-space-size=256', ...YOUNG] },
    { nodeOptions: '--enable-source-maps', args: ['--max-old-space-size=256', ...YOUNG] },
    { nodeOptions: '--max-old-space-size=1024', args: YOUNG },
    { nodeOptions: '--enable-source-maps --max_old_space_size=64', args: YOUNG },
    { nodeOptions: '--cpu-prof --max-old-space-size 512', args: YOUNG },
    { nodeOptions: '--max-semi-space-size=1', args: ['--max-old-space-size=256'] },
    { nodeOptions: '--max_semi_space_size=4 --max-old-space-size=300', args: [] },
  ])('with NODE_OPTIONS $nodeOptions gives $args', ({ nodeOptions, args }) => {
    expect(daemonHeapNodeArgs(256, nodeOptions)).toEqual(args);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a heap limit of %p MB', (limit) => {
    expect(() => daemonHeapNodeArgs(limit, undefined)).toThrow('positive number of MB');
  });

  /** V8's heap limit (the old space plus three of its largest semi-spaces) and its young generation's size at start, in MB, in a node started with `args`. */
  function heapOfNode(args: string[], nodeOptions: string): { limit: number; newSpace: number } {
    const script =
      'const v8 = require("v8"); const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space");' +
      'process.stdout.write(JSON.stringify({ limit: v8.getHeapStatistics().heap_size_limit / 2 ** 20, newSpace: young.space_size / 2 ** 20 }))';
    const printed = execFileSync(process.execPath, [...args, '-e', script], { env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: nodeOptions }, encoding: 'utf8' });
    return JSON.parse(printed) as { limit: number; newSpace: number };
  }

  it('gives a node started with its arguments that old space and semi-spaces of up to 16 MB', () => {
    expect(heapOfNode(daemonHeapNodeArgs(192, ''), '').limit).toBe(192 + 3 * 16);
  });

  it('leaves the sizes an operator set in NODE_OPTIONS in force', () => {
    expect(heapOfNode(daemonHeapNodeArgs(192, '--max-old-space-size=320'), '--max-old-space-size=320').limit).toBe(320 + 3 * 16);
    expect(heapOfNode(daemonHeapNodeArgs(192, '--max-semi-space-size=2'), '--max-semi-space-size=2')).toEqual({ limit: 192 + 3 * 2, newSpace: 1 });
  });
});
