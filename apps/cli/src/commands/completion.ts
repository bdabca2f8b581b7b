import type { Command } from 'commander';
import { RESOURCE_KINDS } from '../resources';
import type { Runtime } from '../runtime';
import { UsageError } from '../usage-error';

/** `"get describe" → "services deployments …"`: the words each command path accepts next. */
export function completionTable(program: Command): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const kinds = RESOURCE_KINDS.map((kind) => kind.names[0] as string);
  const walk = (command: Command, path: string[]) => {
    const words = [...command.commands.map((sub) => sub.name()), ...command.options.flatMap((option) => [option.long, option.short].filter((f): f is string => !!f))];
    if (['get', 'describe', 'delete'].includes(command.name()) && path.length === 1) words.push(...kinds);
    table.set(path.join(' '), words);
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return table;
}

/** A bash completion script (zsh loads it through bashcompinit). */
export function completionScript(program: Command, shell: 'bash' | 'zsh'): string {
  const cases = [...completionTable(program).entries()]
    .map(([path, words]) => `    "${path}") words="${words.join(' ')}" ;;`)
    .join('\n');
  const bash = `_interflow_complete() {
  local cur path word i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  path=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case "\${path:+$path }$word" in
${[...completionTable(program).keys()].filter(Boolean).map((p) => `      "${p}") path="${p}" ;;`).join('\n')}
    esac
  done
  local words=""
  case "$path" in
${cases}
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _interflow_complete interflow
`;
  if (shell === 'bash') return `# interflow completion for bash: source <(interflow completion bash)\n${bash}`;
  return `# interflow completion for zsh: source <(interflow completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${bash}`;
}

export function registerCompletion(program: Command, runtime: Runtime): void {
  program
    .command('completion')
    .argument('<shell>', 'bash or zsh')
    .description('print a shell completion script')
    .addHelpText('after', '\nExamples:\n  source <(interflow completion bash)\n  interflow completion zsh > "${fpath[1]}/_interflow"\n')
    .action((shell: string) => {
      if (shell !== 'bash' && shell !== 'zsh') throw new UsageError(`completion ${shell}: expected bash or zsh`);
      runtime.out(completionScript(program, shell));
    });
}
