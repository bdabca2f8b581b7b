import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import { orThrow, type InterflowClient } from '@interflow/client';
import { outputFormat, renderData } from '../output';
import { resourceKind } from '../resources';
import type { Runtime } from '../runtime';
import { CommandFailed, UsageError } from '../usage-error';

type Fire = { fire_time: string; outcome: string; recorded_at: string };

const POLL_MS = 500;

/** The first fire recorded at or after `due`, polling the schedule's fire log until `deadline`. */
async function waitForFire(client: InterflowClient, id: string, due: string, deadline: number): Promise<Fire | undefined> {
  const dueAt = Date.parse(due);
  for (;;) {
    const page = await orThrow(client.GET('/v1/schedules/{id}/fires', { params: { path: { id }, query: { limit: 10 } } }));
    const fire = (page.items as Fire[]).filter((item) => Date.parse(item.fire_time) >= dueAt).at(-1);
    if (fire) return fire;
    if (Date.now() >= deadline) return undefined;
    await delay(POLL_MS);
  }
}

/** `schedules pause|resume|fire`. */
export function registerScheduleCommands(program: Command, runtime: Runtime): void {
  const schedules = program
    .command('schedules')
    .description('pause, resume and fire schedules')
    .addHelpText('after', '\nExamples:\n  interflow schedules pause nightly-report\n  interflow schedules fire nightly-report --wait\n');
  for (const [verb, enabled] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    schedules
      .command(verb)
      .argument('<schedule>', 'a schedule name or id')
      .description(`${verb} a schedule (sets enabled: ${enabled})`)
      .addHelpText('after', `\nExample:\n  interflow schedules ${verb} nightly-report\n`)
      .action(async (ref: string) => {
        const client = runtime.client();
        const schedule = await resourceKind('schedules').find(client, ref);
        await orThrow(client.PATCH('/v1/schedules/{id}', { params: { path: { id: String(schedule.id) } }, body: { enabled } }));
        runtime.out(`schedule ${ref} ${enabled ? 'resumed' : 'paused'}\n`);
      });
  }
  schedules
    .command('fire')
    .argument('<schedule>', 'a schedule name or id')
    .option('--wait [seconds]', 'wait until a producer has fired it (default 30 s, at most 300)')
    .option('-o, --output <format>', 'text, json or yaml', 'text')
    .description('fire a schedule now, through the usual path (overlap policy, fire key); its regular fires go on')
    .addHelpText('after', '\nExamples:\n  interflow schedules fire nightly-report\n  interflow schedules fire nightly-report --wait 60 -o json\n')
    .action(async (ref: string, options: { wait?: string | boolean; output: string }) => {
      const wait = options.wait === undefined ? 0 : options.wait === true ? 30 : Number(options.wait);
      if (!Number.isFinite(wait) || wait < 0 || wait > 300) throw new UsageError('--wait: expected seconds between 0 and 300');
      const format = options.output === 'text' || options.output === 'table' ? 'text' : outputFormat(options.output);
      const client = runtime.client();
      const schedule = await resourceKind('schedules').find(client, ref);
      const id = String(schedule.id);
      const due = await orThrow(client.POST('/v1/schedules/{id}/fire', { params: { path: { id } } }));
      const dueAt = String(due.next_fire_at);
      if (wait === 0) {
        if (format === 'text') runtime.out(`schedule ${ref} is due now (${dueAt}); a producer fires it\n`);
        else runtime.out(renderData(due, format === 'json' ? 'json' : 'yaml'));
        return;
      }
      const fire = await waitForFire(client, id, dueAt, Date.now() + wait * 1000);
      if (!fire) throw new CommandFailed(`schedule ${ref} was not fired within ${wait} s: is a producer running?`);
      if (format === 'text') runtime.out(`schedule ${ref} fired at ${fire.fire_time}: ${fire.outcome}\n`);
      else runtime.out(renderData(fire, format === 'json' ? 'json' : 'yaml'));
      if (fire.outcome !== 'published') throw new CommandFailed(`schedule ${ref} fire ${fire.outcome.replace('_', ' ')}`);
    });
}
