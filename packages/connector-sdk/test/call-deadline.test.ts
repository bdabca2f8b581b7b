import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { callDeadline } from '../src/call-deadline';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * The deadline must reach a call that nothing else holds on to, also after garbage
 * collections: fetch listens to its signal weakly, and a signal composed with
 * `AbortSignal.any` was collected under it (the call then outlived its timeout).
 */
describe('callDeadline', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Starts a call holding nothing but the signal's owner, then collects garbage while it waits. */
  async function callThroughCollections(start: () => Promise<unknown>, collections: number): Promise<unknown> {
    const settled = start().then(
      () => 'answered',
      (error: unknown) => error,
    );
    for (let i = 0; i < collections; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      collectGarbage();
    }
    // Far past every deadline here: a call still waiting then was never told to stop.
    const stillWaiting = new Promise((resolve) => setTimeout(resolve, 5000).unref()).then(() => 'still waiting');
    return Promise.race([settled, stillWaiting]);
  }

  // Nothing but fetch holds the signal here, as in a call whose caller dropped the deadline.
  it('ends a call at its deadline, after garbage collections', async () => {
    const outcome = await callThroughCollections(() => fetch(url, { signal: callDeadline(new AbortController().signal, 200).signal }), 5);
    expect(outcome).toMatchObject({ name: 'TimeoutError' });
  });

  it("ends a call when its parent aborts, with the parent's reason, after garbage collections", async () => {
    const parent = new AbortController();
    const outcome = callThroughCollections(() => fetch(url, { signal: callDeadline(parent.signal, 60_000).signal }), 5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    parent.abort(new Error('the runner is shutting down'));
    expect(await outcome).toMatchObject({ message: 'the runner is shutting down' });
  });

  it('tells a deadline from a parent abort', async () => {
    const timed = callDeadline(new AbortController().signal, 20);
    await new Promise((resolve) => timed.signal.addEventListener('abort', resolve));
    expect(timed.timedOut).toBe(true);
    const parent = new AbortController();
    const stopped = callDeadline(parent.signal, 60_000);
    parent.abort();
    expect(stopped.signal.aborted).toBe(true);
    expect(stopped.timedOut).toBe(false);
    stopped.release();
  });

  it('is aborted at once when the parent already was', () => {
    const parent = new AbortController();
    parent.abort(new Error('gone'));
    const deadline = callDeadline(parent.signal, 60_000);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(false);
    deadline.release();
  });

  it('never keeps a process running by itself (a deadline its caller did not release)', async () => {
    // The built module (`npm test` builds first), in a process of its own that has nothing else to do.
    const built = path.resolve(__dirname, '..', 'dist', 'call-deadline.js');
    const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(built)}).callDeadline(undefined, 600000)`], { stdio: 'inherit' });
    const exitCode = await new Promise((resolve) => child.on('exit', resolve));
    expect(exitCode).toBe(0);
  }, 60_000);

  it('does nothing more once released', async () => {
    const parent = new AbortController();
    const deadline = callDeadline(parent.signal, 50);
    deadline.release();
    parent.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.timedOut).toBe(false);
  });
});
