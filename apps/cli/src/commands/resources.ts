import type { Command } from 'commander';
import { outputFormat, renderData, renderList } from '../output';
import { RESOURCE_KINDS, resourceKind } from '../resources';
import type { Runtime } from '../runtime';

const KIND_LIST = RESOURCE_KINDS.map((kind) => kind.names[0]).join(', ');

/** `get`, `describe`, `delete` over every kind of object the api holds. */
export function registerResourceCommands(program: Command, runtime: Runtime): void {
  program
    .command('get')
    .argument('<kind>', KIND_LIST)
    .argument('[names...]', 'names or ids (all when omitted)')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .description('list objects of a kind, as a table or as json/yaml')
    .addHelpText('after', '\nExamples:\n  interflow get services\n  interflow get schedules nightly-report -o yaml\n  interflow get runs -o json\n')
    .action(async (kindWord: string, names: string[], options: { output: string }) => {
      const kind = resourceKind(kindWord);
      const format = outputFormat(options.output);
      const client = runtime.client();
      const items = names.length === 0 ? await kind.list(client) : await Promise.all(names.map((name) => kind.find(client, name)));
      runtime.out(renderList(items, kind.columns, format));
    });

  program
    .command('describe')
    .argument('<kind>', KIND_LIST)
    .argument('<name>', 'a name or an id')
    .option('-o, --output <format>', 'yaml or json', 'yaml')
    .description('every field of one object (runs: with every attempt)')
    .addHelpText('after', '\nExamples:\n  interflow describe deployment crm-prod\n  interflow describe run 6f1c…-… -o json\n')
    .action(async (kindWord: string, name: string, options: { output: string }) => {
      const kind = resourceKind(kindWord);
      const format = outputFormat(options.output, 'yaml');
      const item = await kind.find(runtime.client(), name);
      runtime.out(renderData(item, format === 'table' ? 'yaml' : format));
    });

  program
    .command('delete')
    .argument('<kind>', KIND_LIST)
    .argument('<names...>', 'names or ids')
    .description('delete objects (a deployment only if unchanged since it was read: If-Match)')
    .addHelpText('after', '\nExamples:\n  interflow delete schedule nightly-report\n  interflow delete queues orders orders.dead\n')
    .action(async (kindWord: string, names: string[]) => {
      const kind = resourceKind(kindWord);
      const client = runtime.client();
      for (const name of names) {
        const item = await kind.find(client, name);
        await kind.remove(client, item);
        runtime.out(`${kind.singular} ${name} deleted\n`);
      }
    });
}
