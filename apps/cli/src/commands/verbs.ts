import type { Command } from 'commander';
import { orThrow } from '@interflow/client';
import { jsonArgument } from '../input-file';
import { outputFormat, renderData, renderTable } from '../output';
import { resourceKind } from '../resources';
import type { Runtime } from '../runtime';
import { CommandFailed, UsageError } from '../usage-error';
import { runLog } from './runs';

type Json = Record<string, unknown>;

function parseHeaders(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--header ${pair}: expected NAME=VALUE`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `actions run`, `queues publish|peek|purge|redrive`. */
export function registerVerbs(program: Command, runtime: Runtime): void {
  const actions = program
    .command('actions')
    .description('run an action')
    .addHelpText('after', '\nExample:\n  interflow actions run create-order --input @order.json --wait\n');
  actions
    .command('run')
    .argument('<action>', 'an action name or id')
    .option('--input <json>', 'the run input: JSON, or @file.json', '{}')
    .option('--wait [seconds]', 'wait for the run to end (default 60 s, at most 300)')
    .option('--idempotency-key <key>', 'retries with the same key return the same run')
    .option('-o, --output <format>', 'text, json or yaml', 'text')
    .description('start a run of an action; with --wait, print its outcome and exit 1 if it failed')
    .addHelpText('after', '\nExample:\n  interflow actions run create-invoice --input @invoice.json --wait\n')
    .action(async (ref: string, options: { input: string; wait?: string | boolean; idempotencyKey?: string; output: string }) => {
      const input = jsonArgument(options.input, runtime.io.cwd, '--input');
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UsageError('--input: expected a JSON object');
      const wait = options.wait === undefined ? 0 : options.wait === true ? 60 : Number(options.wait);
      if (!Number.isFinite(wait) || wait < 0 || wait > 300) throw new UsageError('--wait: expected seconds between 0 and 300');
      const client = runtime.client();
      const action = await resourceKind('actions').find(client, ref);
      const { data, error, response } = await client.POST('/v1/actions/{id}/runs', {
        params: {
          path: { id: String(action.id) },
          query: { wait },
          header: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {},
        },
        body: { input: input as Record<string, unknown> },
      });
      if (!response.ok) await orThrow(Promise.resolve({ error, response }));
      const run = data as unknown as Json;
      if (options.output === 'text') runtime.out(wait > 0 ? runLog(run) : `run ${String(run.id)} ${String(run.status)}\n`);
      else runtime.out(renderData(run, outputFormat(options.output) === 'json' ? 'json' : 'yaml'));
      if (wait > 0 && run.status !== 'succeeded') {
        throw new CommandFailed(run.finished_at ? `run ${String(run.id)} ${String(run.status)}` : `run ${String(run.id)} did not end within ${wait} s`);
      }
    });

  const queues = program
    .command('queues')
    .description('publish to, peek at, purge and redrive queues')
    .addHelpText('after', '\nExamples:\n  interflow queues peek orders.dead\n  interflow queues redrive orders.dead\n');
  const queueParams = (name: string) => ({ params: { path: { name } } });
  queues
    .command('publish')
    .argument('<queue>', 'a queue name')
    .requiredOption('--payload <json>', 'the message: JSON, or @file.json')
    .option('--header <name=value>', 'a message header (repeatable)', collect)
    .option('--delay-ms <ms>', 'deliver no earlier than this many milliseconds from now')
    .description('publish one message to a queue')
    .addHelpText('after', '\nExample:\n  interflow queues publish orders --payload \'{"id": 42}\' --header source=cli\n')
    .action(async (name: string, options: { payload: string; header?: string[]; delayMs?: string }) => {
      const body: Json = { payload: jsonArgument(options.payload, runtime.io.cwd, '--payload'), headers: parseHeaders(options.header ?? []) };
      if (options.delayMs !== undefined) body.delay_ms = Number(options.delayMs);
      const receipt = await orThrow(runtime.client().POST('/v1/queues/{name}/publish', { ...queueParams(name), body: body as never }));
      runtime.out(`published ${JSON.stringify(receipt)}\n`);
    });
  queues
    .command('peek')
    .argument('<queue>', 'a queue name')
    .option('--limit <n>', 'how many (at most 100)', '10')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .description('the next messages in claim order, without claiming them')
    .addHelpText('after', '\nExample:\n  interflow queues peek orders.dead --limit 5 -o yaml\n')
    .action(async (name: string, options: { limit: string; output: string }) => {
      const page = await orThrow(runtime.client().GET('/v1/queues/{name}/messages', { params: { path: { name }, query: { limit: Number(options.limit) } } }));
      const format = outputFormat(options.output);
      const messages = (page as unknown as { items: Json[] }).items;
      if (format !== 'table') return runtime.out(renderData(page, format));
      runtime.out(renderTable(messages, [
        { heading: 'ID', value: (m) => m.id },
        { heading: 'ATTEMPTS', value: (m) => m.attempts ?? m.attempt_count },
        { heading: 'PUBLISHED', value: (m) => m.published_at ?? m.created_at },
        { heading: 'PAYLOAD', value: (m) => JSON.stringify(m.payload).slice(0, 60) },
      ]));
    });
  queues
    .command('purge')
    .argument('<queue>', 'a queue name')
    .description('remove every message waiting in a queue')
    .addHelpText('after', '\nExample:\n  interflow queues purge orders.dead\n')
    .action(async (name: string) => {
      const result = await orThrow(runtime.client().POST('/v1/queues/{name}/purge', queueParams(name)));
      runtime.out(`purged ${result.purged} messages from ${name}\n`);
    });
  queues
    .command('redrive')
    .argument('<queue>', 'a dead-letter queue name')
    .option('--max <n>', 'most messages to move (default 1000)')
    .description('move dead-lettered messages back to the queues they died in')
    .addHelpText('after', '\nExample:\n  interflow queues redrive orders.dead --max 100\n')
    .action(async (name: string, options: { max?: string }) => {
      const body = options.max === undefined ? {} : { max: Number(options.max) };
      const result = await orThrow(runtime.client().POST('/v1/queues/{name}/redrive', { ...queueParams(name), body }));
      runtime.out(`redriven ${result.redriven} messages from ${name}\n`);
    });
}
