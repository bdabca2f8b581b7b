import type { Command } from 'commander';
import { orThrow, type InterflowClient } from '@interflow/client';
import { jsonArgument } from '../input-file';
import { parseDuration } from '../notify/duration';
import { outputFormat, renderData } from '../output';
import { resourceKind } from '../resources';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';

type Json = Record<string, unknown>;

interface NotifyOptions {
  title: string;
  text?: string;
  severity: string;
  recipient?: string[];
  group?: string[];
  link?: string;
  data?: string;
  confirm?: boolean;
  expiresAt?: string;
  dedupeKey?: string;
  remindAfter?: string;
  escalateAfter?: string;
  escalateToRecipient?: string[];
  escalateToGroup?: string[];
  output: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Names or ids of recipients and groups → `{recipients, groups}` of ids. */
async function addressees(client: InterflowClient, recipients: string[] = [], groups: string[] = []) {
  const ids = (kind: string, refs: string[]) => Promise.all(refs.map(async (ref) => String((await resourceKind(kind).find(client, ref)).id)));
  return { recipients: await ids('recipients', recipients), groups: await ids('groups', groups) };
}

/** `interflow notify`: publish a notification to recipients and groups, by name. */
export function registerNotify(program: Command, runtime: Runtime): void {
  program
    .command('notify')
    .description('publish a notification to recipients and/or groups (one delivery per recipient)')
    .requiredOption('--title <text>', 'the title')
    .option('--text <text>', 'the text')
    .option('--severity <level>', 'info, warning, error or critical', 'info')
    .option('--recipient <name>', 'a recipient name or id (repeatable)', collect)
    .option('--group <name>', 'a group name or id (repeatable)', collect)
    .option('--link <url>', 'an http(s) link')
    .option('--data <json>', 'JSON for the receiving systems, or @file.json')
    .option('--confirm', 'each recipient must confirm it')
    .option('--expires-at <time>', 'ISO 8601 time after which unconfirmed (or unread) deliveries expire')
    .option('--dedupe-key <key>', 'a key already used publishes nothing and answers the first notification')
    .option('--remind-after <duration>', 'remind an unconfirmed recipient after this long (15m, 1h…)')
    .option('--escalate-after <duration>', 'escalate an unconfirmed delivery after this long')
    .option('--escalate-to-recipient <name>', 'who escalation reaches (repeatable)', collect)
    .option('--escalate-to-group <name>', 'a group escalation reaches (repeatable)', collect)
    .option('-o, --output <format>', 'text, json or yaml', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n  interflow notify --title "Bank feed failing" --severity error --group on-call --confirm --remind-after 15m\n' +
        '  interflow notify --title "Deploy done" --recipient ops-desk --text "v1.4 is live" --dedupe-key deploy-1.4\n',
    )
    .action(async (options: NotifyOptions) => {
      if (!options.recipient?.length && !options.group?.length) throw new UsageError('notify needs --recipient or --group');
      const client = runtime.client();
      const body: Json = {
        title: options.title,
        severity: options.severity,
        to: await addressees(client, options.recipient, options.group),
        requires_confirmation: options.confirm ?? false,
      };
      if (options.text !== undefined) body.text = options.text;
      if (options.link !== undefined) body.link = options.link;
      if (options.data !== undefined) body.data = jsonArgument(options.data, runtime.io.cwd, '--data');
      if (options.expiresAt !== undefined) body.expires_at = options.expiresAt;
      if (options.dedupeKey !== undefined) body.dedupe_key = options.dedupeKey;
      const escalating = options.escalateToRecipient?.length || options.escalateToGroup?.length;
      if (options.remindAfter !== undefined || options.escalateAfter !== undefined || escalating) {
        body.confirmation = {
          ...(options.remindAfter === undefined ? {} : { remind_after_ms: parseDuration(options.remindAfter, '--remind-after') }),
          ...(options.escalateAfter === undefined ? {} : { escalate_after_ms: parseDuration(options.escalateAfter, '--escalate-after') }),
          ...(escalating ? { escalate_to: await addressees(client, options.escalateToRecipient, options.escalateToGroup) } : {}),
        };
      }
      const { data, error, response } = await client.POST('/v1/notifications', { body: body as never });
      if (!response.ok) await orThrow(Promise.resolve({ error, response }));
      const notification = data as unknown as Json;
      if (options.output !== 'text') return runtime.out(renderData(notification, outputFormat(options.output) === 'json' ? 'json' : 'yaml'));
      runtime.out(
        response.status === 200
          ? `notification ${String(notification.id)} was already published with this dedupe key: nothing sent again\n`
          : `notification ${String(notification.id)} published\n`,
      );
    });
}
