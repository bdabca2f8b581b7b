import type { Command } from 'commander';
import { BodyValidator } from '../apply/body-validator';
import { executePlan } from '../apply/execute';
import { exportManifests } from '../apply/export';
import { readManifests } from '../apply/manifest';
import { planApply } from '../apply/plan';
import { planIsEmpty, renderPlan } from '../apply/render-plan';
import { readState } from '../apply/state';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const APPLY_SET = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export function registerApply(program: Command, runtime: Runtime): void {
  program
    .command('apply')
    .description('make the api match YAML manifests (kind: Service, Deployment, Action, Schedule, Exchange, Queue, Binding, Subscription, RecipientGroup, Recipient)')
    .option('-f, --filename <path>', 'a file, a directory (recursively) or - for stdin (repeatable)', collect)
    .option('--dry-run', 'print the changes and make none')
    .option('--prune', 'delete what this apply set created earlier and the files no longer declare')
    .option('--apply-set <name>', 'the record of what this apply manages (one per repository or environment)', 'default')
    .option('--replace-exchanges', "delete and create again an exchange whose type changed, with the bindings and subscriptions on it (else refused)")
    .option('-v, --verbose', 'list unchanged objects too')
    .addHelpText(
      'after',
      '\nExamples:\n  interflow apply -f examples/integrations --dry-run\n  interflow apply -f examples/integrations --prune\n  interflow apply -f messaging.yaml --replace-exchanges --dry-run\n  interflow export | interflow apply -f -\n',
    )
    .action(async (options: { filename?: string[]; dryRun?: boolean; prune?: boolean; replaceExchanges?: boolean; applySet: string; verbose?: boolean }) => {
      const filenames = options.filename ?? [];
      if (filenames.length === 0) throw new UsageError('apply needs -f FILE|DIR');
      if (!APPLY_SET.test(options.applySet)) throw new UsageError('--apply-set: expected lower-case letters, digits, _ . - (max 100)');
      const stdin = filenames.includes('-') ? await runtime.io.readStdin() : '';
      const declared = readManifests(filenames, runtime.io.cwd, () => stdin);
      const client = runtime.client();
      const state = await readState(client, options.applySet);
      const validator = new BodyValidator();
      const plan = planApply(declared, state, { prune: options.prune ?? false, replaceExchanges: options.replaceExchanges ?? false, validator, env: runtime.io.env });
      runtime.out(renderPlan(plan, options.verbose ?? false));
      if (options.dryRun) return runtime.out('dry run: nothing was changed\n');
      if (planIsEmpty(plan)) return runtime.out('nothing to change\n');
      await executePlan(client, plan, state, { validator, env: runtime.io.env, log: (line) => runtime.out(`${line}\n`) });
      runtime.out('applied\n');
    });

  program
    .command('export')
    .description('write every object as YAML manifests (credentials left out) that `apply` reads back')
    .option('--apply-set <name>', 'names bindings and subscriptions as this apply set does', 'default')
    .addHelpText('after', '\nExamples:\n  interflow export > integrations.yaml\n  interflow export | interflow apply -f - --dry-run\n')
    .action(async (options: { applySet: string }) => {
      const state = await readState(runtime.client(), options.applySet);
      runtime.out(exportManifests(state));
    });
}
