import type { Command } from 'commander';
import { orThrow } from '@interflow/client';
import { listAll } from '../api';
import { outputFormat, renderData, renderList, type Column } from '../output';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';

type Json = Record<string, unknown>;

const FILTERS = ['unread', 'unconfirmed', 'all'] as const;
const PAGE = 100;

const COLUMNS: Column<Json>[] = [
  { heading: 'ID', value: (d) => d.id },
  { heading: 'STATE', value: (d) => d.state },
  { heading: 'SEVERITY', value: (d) => d.severity },
  { heading: 'TITLE', value: (d) => d.title },
  { heading: 'NEEDS CONFIRMATION', value: (d) => (d.requires_confirmation ? (d.confirmed_at ? 'confirmed' : 'yes') : 'no') },
  { heading: 'DELIVERED', value: (d) => d.delivered_at },
];

const byId = (id: string) => ({ params: { path: { id } } });

/** A delivery as one line, after a change. */
const summary = (delivery: Json) => `${String(delivery.id)} ${String(delivery.state)}${delivery.confirm_comment ? ` (${String(delivery.confirm_comment)})` : ''}\n`;

/** `interflow inbox`: the notifications of the recipient the token is bound to. */
export function registerInbox(program: Command, runtime: Runtime): void {
  const inbox = program
    .command('inbox')
    .description("the inbox of the recipient the token is bound to: list, read, confirm")
    .addHelpText('after', '\nExamples:\n  INTERFLOW_TOKEN=$INBOX_TOKEN interflow inbox --filter unconfirmed\n  interflow inbox confirm 3f2a…-… --comment "on it"\n');
  inbox
    .command('list', { isDefault: true })
    .option('--filter <which>', 'unread, unconfirmed or all', 'all')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .description('the deliveries, newest first')
    .addHelpText('after', '\nExample:\n  interflow inbox list --filter unread -o yaml\n')
    .action(async (options: { filter: string; output: string }) => {
      if (!(FILTERS as readonly string[]).includes(options.filter)) throw new UsageError(`--filter ${options.filter}: expected ${FILTERS.join(', ')}`);
      const client = runtime.client();
      const filter = options.filter as (typeof FILTERS)[number];
      const items = await listAll((cursor) => orThrow(client.GET('/v1/inbox', { params: { query: { limit: PAGE, cursor, filter } } })));
      runtime.out(renderList(items as unknown as Json[], COLUMNS, outputFormat(options.output)));
    });
  inbox
    .command('show')
    .argument('<id>', 'a delivery id')
    .option('-o, --output <format>', 'yaml or json', 'yaml')
    .description('every field of one delivery')
    .addHelpText('after', '\nExample:\n  interflow inbox show 3f2a…-… -o json\n')
    .action(async (id: string, options: { output: string }) => {
      const delivery = await orThrow(runtime.client().GET('/v1/inbox/{id}', byId(id)));
      runtime.out(renderData(delivery, outputFormat(options.output, 'yaml') === 'json' ? 'json' : 'yaml'));
    });
  inbox
    .command('read')
    .argument('<ids...>', 'delivery ids')
    .description('mark deliveries read')
    .addHelpText('after', '\nExample:\n  interflow inbox read 3f2a…-…\n')
    .action(async (ids: string[]) => {
      const client = runtime.client();
      for (const id of ids) runtime.out(summary((await orThrow(client.POST('/v1/inbox/{id}/read', byId(id)))) as unknown as Json));
    });
  inbox
    .command('confirm')
    .argument('<id>', 'a delivery id')
    .option('--comment <text>', 'said with the confirmation (kept in the history)')
    .description('confirm a delivery that asks for it (confirming twice answers the first confirmation)')
    .addHelpText('after', '\nExample:\n  interflow inbox confirm 3f2a…-… --comment "restarted the feed"\n')
    .action(async (id: string, options: { comment?: string }) => {
      const body = options.comment === undefined ? {} : { comment: options.comment };
      runtime.out(summary((await orThrow(runtime.client().POST('/v1/inbox/{id}/confirm', { ...byId(id), body }))) as unknown as Json));
    });
}
