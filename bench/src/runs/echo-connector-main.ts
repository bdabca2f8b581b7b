/**
 * The connector the `runs` benchmark calls, in a process of its own (so its CPU is
 * counted apart): built with the SDK, one method `echo({n})` answering at once.
 * Env: PORT, SIGNING_SECRET.
 */
import { z } from 'zod';
import { createConnector, defineMethod } from '@interflow/connector-sdk';

const port = Number(process.env.PORT);
const signingSecret = process.env.SIGNING_SECRET ?? '';
if (!Number.isInteger(port) || port <= 0 || !signingSecret) {
  process.stderr.write('echo connector: PORT and SIGNING_SECRET are required\n');
  process.exit(2);
}

const app = createConnector({
  name: 'bench-echo',
  signingSecret,
  methods: [defineMethod({ name: 'echo', input: z.object({ n: z.number().int() }), handler: (context) => ({ n: context.input.n }) })],
});
const server = app.listen(port, '127.0.0.1');
server.keepAliveTimeout = 60_000;
process.once('SIGTERM', () => server.close(() => process.exit(0)));
