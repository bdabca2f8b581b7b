import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createConnector, defineMethod, PermanentError, RateLimitedError, RetryableError } from '@interflow/connector-sdk';

export interface RecordedCall {
  method: string;
  runId: string;
  attempt: number;
  at: number;
  input: Record<string, unknown>;
  deploymentName: string;
  credentials: Record<string, unknown>;
}

/**
 * A connector the tests script, built with the SDK like any connector: it records every
 * call it accepted and answers by the method's rule.
 */
export interface ScriptedConnector {
  baseUrl: string;
  /** Start and end of every `slow` call, to see how many overlapped. */
  slowSpans: { start: number; end: number }[];
  signingSecret: string;
  calls: RecordedCall[];
  /** `hold` keeps the first call of each run waiting until its run is released; later calls answer at once. */
  releaseRun(runId: string): void;
  close(): Promise<void>;
}

export const SCRIPTED_METHODS = [
  { name: 'echo', http_method: 'POST', path: '/methods/echo', description: null, input_schema: null },
  { name: 'flaky', http_method: 'POST', path: '/methods/flaky', description: null, input_schema: null },
  { name: 'reject', http_method: 'POST', path: '/methods/reject', description: null, input_schema: null },
  { name: 'hold', http_method: 'POST', path: '/methods/hold', description: null, input_schema: null },
  { name: 'busy', http_method: 'POST', path: '/methods/busy', description: null, input_schema: null },
  { name: 'slow', http_method: 'POST', path: '/methods/slow', description: null, input_schema: null },
  // Never answered: its path needs an `id` from the input, so a run without one fails before any call.
  { name: 'thing', http_method: 'GET', path: '/things/{id}', description: null, input_schema: null },
] as const;

export async function startScriptedConnector(signingSecret: string): Promise<ScriptedConnector> {
  const calls: RecordedCall[] = [];
  const slowSpans: { start: number; end: number }[] = [];
  let closed = false;
  const waiting = new Map<string, () => void>();
  const record = (method: string) => (context: { run: { id: string }; attempt: number; input: Record<string, unknown>; deployment: { name: string; credentials: Record<string, unknown> } }) => {
    calls.push({
      method,
      runId: context.run.id,
      attempt: context.attempt,
      at: Date.now(),
      input: context.input,
      deploymentName: context.deployment.name,
      credentials: context.deployment.credentials,
    });
    return calls.filter((c) => c.method === method && c.runId === context.run.id).length;
  };
  const anyInput = z.record(z.string(), z.unknown());
  const app = createConnector({
    name: 'scripted',
    signingSecret,
    methods: [
      defineMethod({ name: 'echo', input: anyInput, handler: (context) => ({ echoed: context.input, calls: record('echo')(context) }) }),
      defineMethod({
        name: 'flaky',
        input: z.object({ failures: z.number().int().min(0) }),
        handler: (context) => {
          const count = record('flaky')(context);
          if (count <= context.input.failures) throw new RetryableError(`failure ${count} of ${context.input.failures}`, { status: 500 });
          return { succeeded_on_call: count };
        },
      }),
      defineMethod({
        name: 'reject',
        input: anyInput,
        handler: (context) => {
          record('reject')(context);
          throw new PermanentError('account 42 is closed', { status: 400, details: { account: 42 } });
        },
      }),
      defineMethod({
        name: 'slow',
        input: z.object({ ms: z.number().int().min(0) }),
        handler: async (context) => {
          record('slow')(context);
          const start = Date.now();
          await new Promise((resolve) => setTimeout(resolve, context.input.ms));
          slowSpans.push({ start, end: Date.now() });
          return { slept_ms: context.input.ms };
        },
      }),
      defineMethod({
        name: 'busy',
        input: z.object({ busy_calls: z.number().int().min(0) }),
        handler: (context) => {
          const count = record('busy')(context);
          if (count <= context.input.busy_calls) throw new RateLimitedError('too many requests, come back in a second', 1000);
          return { answered_on_call: count };
        },
      }),
      defineMethod({
        name: 'hold',
        input: anyInput,
        handler: async (context) => {
          const count = record('hold')(context);
          if (count === 1 && !closed) await new Promise<void>((resolve) => waiting.set(context.run.id, resolve));
          return { held_call: count };
        },
      }),
    ],
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    slowSpans,
    signingSecret,
    calls,
    releaseRun(runId) {
      waiting.get(runId)?.();
      waiting.delete(runId);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const resolve of waiting.values()) resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
