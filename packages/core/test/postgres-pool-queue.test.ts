import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

interface PoolQueue<T> {
  readonly length: number;
  push(item: T): T;
  shift(): T | undefined;
  remove(item: T): T | null;
}

/** postgres.js's own queue (private to the package, hence the path): its pool keeps its connections in these. */
const loadQueue = createRequire(__filename)(path.join(path.dirname(require.resolve('postgres')), 'queue.js')) as <T>() => PoolQueue<T>;

/**
 * The pool hands out its idle connections from the front of its `open` queue and puts
 * them back at the end. As published (3.4.9) a shift only dropped the slots it had left
 * behind when it emptied the queue, which never happens while two or more connections
 * sit idle (the api's pool between bursts): the array grew by a slot a query, without
 * end, and the `remove` every query makes on it scanned them all. patches/postgres+3.4.9.patch
 * compacts the array once half of it is spent.
 */
describe("postgres.js's pool queue (patched)", () => {
  /** A multiple of the three connections, so they end in their first order. */
  const QUERIES = 150_000;

  it('keeps no slot for each connection it handed out while others stayed idle', () => {
    const open = loadQueue<{ id: number }>();
    const connections = [{ id: 1 }, { id: 2 }, { id: 3 }];
    for (const connection of connections) open.push(connection);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let query = 0; query < QUERIES; query += 1) {
      const connection = open.shift();
      if (!connection) throw new Error('the queue lost a connection');
      open.remove(connection); // what `move` does when the connection turns busy
      open.push(connection); // idle again
    }
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    expect(open.length).toBe(3);
    // Unpatched: 8 bytes a slot, 150,000 of them and the array's spare capacity (and some 10 s of scanning).
    expect(grown).toBeLessThan(500_000);
    expect([open.shift(), open.shift(), open.shift(), open.shift()]).toEqual([...connections, undefined]);
  });

  it('still hands out in order, and removes from the middle, across compactions', () => {
    const queue = loadQueue<number>();
    const expected: number[] = [];
    let next = 0;
    for (let round = 0; round < 500; round += 1) {
      for (let i = 0; i < 3; i += 1) {
        queue.push(next);
        expected.push(next);
        next += 1;
      }
      expect(queue.shift()).toBe(expected.shift());
      if (round % 7 === 0 && expected.length > 1) {
        const middle = expected.splice(1, 1)[0] as number;
        expect(queue.remove(middle)).toBe(middle);
      }
      expect(queue.length).toBe(expected.length);
    }
    const rest: (number | undefined)[] = [];
    while (queue.length > 0) rest.push(queue.shift());
    expect(rest).toEqual(expected);
  });
});
