import { Command, CommanderError } from 'commander';
import { CLI_VERSION } from './api';
import { registerApply } from './commands/apply';
import { registerCompletion } from './commands/completion';
import { registerInbox } from './commands/inbox';
import { registerLogin } from './commands/login';
import { registerNotify } from './commands/notify';
import { registerResourceCommands } from './commands/resources';
import { registerRunCommands } from './commands/runs';
import { registerScheduleCommands } from './commands/schedules';
import { registerStatus } from './commands/status';
import { registerVerbs } from './commands/verbs';
import { describeFailure, EXIT_OK } from './failure';
import type { CliIo } from './io';
import { Runtime } from './runtime';

/** The whole command tree, writing to `runtime`'s streams; commander never exits the process. */
export function buildProgram(runtime: Runtime): Command {
  const program = new Command('interflow')
    .description('Command line of the Interflow api: inspect objects, run actions, apply integrations as code.')
    .version(CLI_VERSION)
    .option('--context <name>', 'the stored context to use (default: the current one)')
    .showHelpAfterError()
    .addHelpText('after', '\nExamples:\n  interflow login --url http://localhost:3000\n  interflow get actions\n  interflow apply -f examples/integrations --dry-run\n')
    .hook('preAction', (command) => runtime.useContext(command.optsWithGlobals<{ context?: string }>().context));
  registerLogin(program, runtime);
  registerStatus(program, runtime);
  registerResourceCommands(program, runtime);
  registerRunCommands(program, runtime);
  registerVerbs(program, runtime);
  registerScheduleCommands(program, runtime);
  registerNotify(program, runtime);
  registerInbox(program, runtime);
  registerApply(program, runtime);
  registerCompletion(program, runtime);
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (text) => runtime.out(text), writeErr: (text) => runtime.err(text) });
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Runs one command line; resolves with the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const runtime = new Runtime(io);
  const program = buildProgram(runtime);
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    if (message && !(error instanceof CommanderError)) io.stderr(message);
    return exitCode;
  }
}
