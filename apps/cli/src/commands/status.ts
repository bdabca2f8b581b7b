import type { Command } from 'commander';
import { orThrow } from '@interflow/client';
import { listAll } from '../api';
import { outputFormat, renderData, renderTable } from '../output';
import type { Runtime } from '../runtime';
import { CommandFailed } from '../usage-error';

export function registerStatus(program: Command, runtime: Runtime): void {
  program
    .command('status')
    .description('is the api reachable and ready; which consumers (daemons) are attached; queue depths and dead letters')
    .option('-o, --output <format>', 'table, json or yaml')
    .addHelpText('after', '\nExample:\n  interflow status\n  interflow status -o json | jq .ready\n')
    .action(async (options: { output?: string }) => {
      const format = outputFormat(options.output);
      const context = runtime.context();
      const client = runtime.client();
      const ready = await client.GET('/readyz');
      const consumers = await orThrow(client.GET('/v1/consumers', {}));
      const queues = await listAll((cursor) => orThrow(client.GET('/v1/queues', { params: { query: { limit: 500, cursor } } })));
      const depths = await Promise.all(
        queues.map(async (queue) => ({ name: queue.name, ...(await orThrow(client.GET('/v1/queues/{name}/stats', { params: { path: { name: queue.name } } }))) })),
      );
      const report = {
        context: context.name,
        url: context.url,
        ready: ready.response.status === 200,
        readiness: ready.data ?? ready.error,
        consumers: consumers.items,
        queues: depths,
      };
      if (format !== 'table') runtime.out(renderData(report, format));
      else {
        runtime.out(`api:       ${context.url} (context ${context.name})\nready:     ${report.ready ? 'yes' : `no (${ready.response.status})`}\n`);
        runtime.out(`consumers: ${consumers.items.length}\n\n`);
        const rows = depths as Record<string, unknown>[];
        runtime.out(renderTable(rows, [
          { heading: 'QUEUE', value: (r) => r.name },
          { heading: 'READY', value: (r) => r.ready },
          { heading: 'DELAYED', value: (r) => r.delayed },
          { heading: 'IN FLIGHT', value: (r) => r.in_flight },
          { heading: 'DEAD', value: (r) => r.dead },
        ]));
      }
      if (!report.ready) throw new CommandFailed(`the api at ${context.url} is not ready`);
    });
}
