import type { Command } from 'commander';
import type { paths } from '@interflow/client';
import { outputFormat, renderData } from '../output';
import { resourceKind } from '../resources';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';
import { followEvents } from '../watch/follow-events';
import { isRunEventKind, matchesRunFilter, RUN_EVENT_KINDS, runEventLine, type RunEvent, type RunEventFilter } from '../watch/run-events';

type RunStatus = NonNullable<NonNullable<paths['/v1/runs']['get']['parameters']['query']>['status']>;
const RUN_STATUSES: readonly string[] = ['queued', 'running', 'retrying', 'succeeded', 'failed'] satisfies RunStatus[];

interface WatchOptions {
  action?: string;
  deployment?: string;
  status?: string[];
  since?: string;
  count?: string;
  output: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), ...value.split(',').filter(Boolean)];

/** `runs watch`: the live run events of `GET /v1/events`, filtered, until Ctrl-C or `--count`. */
export function registerRunsWatch(runs: Command, runtime: Runtime): void {
  runs
    .command('watch')
    .option('--action <action>', 'only runs of this action (name or id)')
    .option('--deployment <deployment>', 'only runs on this deployment (name or id)')
    .option('--status <status>', `only events with this run status (repeatable or comma-separated: ${RUN_STATUSES.join(', ')})`, collect)
    .option('--since <event-id>', 'start after this event id (an earlier event_id of -o json), replaying what followed it')
    .option('--count <n>', 'exit 0 after this many events')
    .option('-o, --output <format>', 'text, json (one object a line) or yaml', 'text')
    .description('follow runs as they are created, start, retry and finish (the live event stream); a dropped connection resumes where it left off')
    .addHelpText(
      'after',
      '\nExamples:\n  interflow runs watch\n  interflow runs watch --action create-order --status failed\n  interflow runs watch --deployment shop-production -o json --count 10\n',
    )
    .action(async (options: WatchOptions) => {
      // Events are lines, not a table: `table` reads as the default text.
      const format = options.output === 'text' || options.output === 'table' ? 'text' : outputFormat(options.output);
      const count = options.count === undefined ? undefined : Number(options.count);
      if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw new UsageError('--count: expected a positive whole number');
      const statuses = options.status ?? [];
      const unknown = statuses.filter((status) => !RUN_STATUSES.includes(status));
      if (unknown.length > 0) throw new UsageError(`--status ${unknown.join(',')}: expected one of ${RUN_STATUSES.join(', ')}`);
      const client = runtime.client();
      const actions = await resourceKind('actions').list(client);
      const filter: RunEventFilter = {
        ...(options.action ? { actionId: String((await resourceKind('actions').find(client, options.action)).id) } : {}),
        ...(options.deployment ? { deploymentId: String((await resourceKind('deployments').find(client, options.deployment)).id) } : {}),
        ...(statuses.length > 0 ? { statuses: new Set(statuses) } : {}),
      };
      const actionName = (id: string) => String(actions.find((action) => action.id === id)?.name ?? id);
      let shown = 0;
      const stream = followEvents(runtime.context(), {
        kinds: RUN_EVENT_KINDS,
        ...(options.since ? { since: options.since } : {}),
        ...(runtime.io.signal ? { signal: runtime.io.signal } : {}),
        onStatus: (message) => runtime.err(`${message}\n`),
        onEvent: (kind, data) => {
          if (kind === 'reset') return runtime.err('some events were older than the replay window and are lost; following from now\n');
          if (!isRunEventKind(kind)) return;
          const event = { ...(data as Omit<RunEvent, 'kind'>), kind };
          if (!matchesRunFilter(event, filter)) return;
          if (format === 'text') runtime.out(`${runEventLine(event, actionName)}\n`);
          else if (format === 'yaml') runtime.out(`---\n${renderData(event, 'yaml')}`);
          else runtime.out(`${JSON.stringify(event)}\n`);
          shown += 1;
          if (count !== undefined && shown >= count) stream.stop();
        },
      });
      runtime.err(`watching runs${options.action ? ` of ${options.action}` : ''}${options.deployment ? ` on ${options.deployment}` : ''} (Ctrl-C to stop)\n`);
      await stream.done;
    });
}
