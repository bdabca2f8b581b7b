import type { Command } from 'commander';
import { orThrow } from '@interflow/client';
import { outputFormat, renderData, renderTable } from '../output';
import type { Runtime } from '../runtime';
import { registerRunsWatch } from './runs-watch';

type Json = Record<string, unknown>;

const short = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** A run as log lines: one per attempt, then its outcome. */
export function runLog(run: Json): string {
  const attempts = (run.attempts as Json[] | undefined) ?? [];
  const lines = [`run ${String(run.id)}: ${String(run.status)} (trigger ${String(run.trigger)}, created ${String(run.created_at)})`];
  for (const attempt of attempts) {
    const status = attempt.http_status === null ? '' : ` http ${String(attempt.http_status)}`;
    const duration = attempt.duration_ms === null ? '' : ` ${String(attempt.duration_ms)}ms`;
    const error = attempt.error ? ` error: ${short(attempt.error)}` : '';
    lines.push(`${String(attempt.started_at)} attempt ${String(attempt.attempt)}: ${String(attempt.outcome ?? 'running')}${status}${duration}${error}`);
  }
  if (run.finished_at) lines.push(`${String(run.finished_at)} ${String(run.status)}${run.error ? `: ${short(run.error)}` : ''}`);
  if (run.response !== null && run.response !== undefined) lines.push(`response: ${short(run.response)}`);
  return `${lines.join('\n')}\n`;
}

export function registerRunCommands(program: Command, runtime: Runtime): void {
  const runs = program
    .command('runs')
    .description('runs of actions: the latest ones, the logs of one, the live stream')
    .addHelpText('after', '\nExamples:\n  interflow runs list --status failed\n  interflow runs logs 0b8f5c0e-…\n  interflow runs watch --action create-order\n');
  registerRunsWatch(runs, runtime);
  runs
    .command('logs')
    .argument('<run>', 'a run id')
    .option('-o, --output <format>', 'text, json or yaml', 'text')
    .description("a run's attempts, outcome and response")
    .addHelpText('after', '\nExample:\n  interflow runs logs 0b8f5c0e-…\n')
    .action(async (id: string, options: { output: string }) => {
      const run = (await orThrow(runtime.client().GET('/v1/runs/{id}', { params: { path: { id } } }))) as unknown as Json;
      if (options.output === 'text') runtime.out(runLog(run));
      else runtime.out(renderData(run, outputFormat(options.output) === 'json' ? 'json' : 'yaml'));
    });

  runs
    .command('list')
    .option('--action <id>', 'only runs of this action id')
    .option('--status <status>', 'queued, running, succeeded, failed…')
    .option('--limit <n>', 'how many (newest first)', '20')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .description('the latest runs, newest first')
    .addHelpText('after', '\nExample:\n  interflow runs list --status failed --limit 5\n')
    .action(async (options: { action?: string; status?: string; limit: string; output: string }) => {
      const page = await orThrow(
        runtime.client().GET('/v1/runs', {
          params: { query: { limit: Number(options.limit), action_id: options.action, status: options.status as never } },
        }),
      );
      const format = outputFormat(options.output);
      if (format !== 'table') return runtime.out(renderData({ items: page.items }, format));
      runtime.out(renderTable(page.items as unknown as Json[], [
        { heading: 'ID', value: (r) => r.id },
        { heading: 'STATUS', value: (r) => r.status },
        { heading: 'TRIGGER', value: (r) => r.trigger },
        { heading: 'ATTEMPTS', value: (r) => r.attempt_count },
        { heading: 'CREATED', value: (r) => r.created_at },
      ]));
    });
}
