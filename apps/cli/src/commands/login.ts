import type { Command } from 'commander';
import { orThrow } from '@interflow/client';
import { clientFor } from '../api';
import { contextsPath, readContexts, writeContexts } from '../contexts';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';
import { renderTable } from '../output';

export function registerLogin(program: Command, runtime: Runtime): void {
  program
    .command('login')
    .description('store an api URL and token as a named context (file mode 0600) and make it current')
    .requiredOption('--url <url>', 'where the api answers, e.g. http://localhost:3000')
    .option('--name <context>', 'the context name', 'default')
    .addHelpText('after', '\nExample:\n  INTERFLOW_TOKEN=ifw_… interflow login --url https://interflow.example.com --name prod\n')
    .action(async (options: { url: string; name: string }) => {
      const { io } = runtime;
      let token = io.env.INTERFLOW_TOKEN;
      if (!token) {
        if (!io.prompt) throw new UsageError('no token: set INTERFLOW_TOKEN, or run login in a terminal to be asked for it');
        token = (await io.prompt('API token: ', true)).trim();
      }
      if (!token) throw new UsageError('the token is empty');
      // A token that cannot read is not worth storing: prove it once now.
      const client = clientFor({ url: options.url, token });
      await orThrow(client.GET('/v1/services', { params: { query: { limit: 1 } } }));
      const file = contextsPath(io.env);
      const contexts = readContexts(file);
      contexts.contexts[options.name] = { url: options.url, token };
      contexts.current_context = options.name;
      writeContexts(file, contexts);
      runtime.out(`logged in to ${options.url} as context '${options.name}' (stored in ${file})\n`);
    });

  const context = program
    .command('context')
    .description('list and switch the stored contexts')
    .addHelpText('after', '\nExamples:\n  interflow context list\n  interflow context use prod\n');
  context
    .command('list')
    .description('the stored contexts; * marks the current one')
    .addHelpText('after', '\nExample:\n  interflow context list\n')
    .action(() => {
      const stored = readContexts(contextsPath(runtime.io.env));
      const rows = Object.entries(stored.contexts).map(([name, c]) => [name === stored.current_context ? '*' : '', name, c.url]);
      runtime.out(renderTable(rows, [
        { heading: 'CURRENT', value: (r) => r[0] },
        { heading: 'NAME', value: (r) => r[1] },
        { heading: 'URL', value: (r) => r[2] },
      ]));
    });
  context
    .command('use')
    .argument('<name>', 'a stored context')
    .description('make a stored context the current one')
    .addHelpText('after', '\nExample:\n  interflow context use staging\n')
    .action((name: string) => {
      const file = contextsPath(runtime.io.env);
      const stored = readContexts(file);
      if (!stored.contexts[name]) throw new UsageError(`no context '${name}' (known: ${Object.keys(stored.contexts).join(', ') || 'none'})`);
      stored.current_context = name;
      writeContexts(file, stored);
      runtime.out(`current context: ${name}\n`);
    });
}
