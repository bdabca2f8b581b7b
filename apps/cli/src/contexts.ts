import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { UsageError } from './usage-error';

/** One api the CLI can talk to: where it is and the token to use. */
export interface Context {
  url: string;
  token: string;
}

export interface ContextsFile {
  current_context: string | null;
  contexts: Record<string, Context>;
}

/**
 * Where contexts are kept: `$INTERFLOW_CONFIG`, else `$XDG_CONFIG_HOME/interflow/config.yaml`,
 * else `~/.config/interflow/config.yaml` (`%APPDATA%` on Windows).
 */
export function contextsPath(env: NodeJS.ProcessEnv): string {
  if (env.INTERFLOW_CONFIG) return env.INTERFLOW_CONFIG;
  const base = env.XDG_CONFIG_HOME || (process.platform === 'win32' && env.APPDATA) || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'interflow', 'config.yaml');
}

export function readContexts(file: string): ContextsFile {
  if (!fs.existsSync(file)) return { current_context: null, contexts: {} };
  const parsed = YAML.parse(fs.readFileSync(file, 'utf8')) as Partial<ContextsFile> | null;
  return { current_context: parsed?.current_context ?? null, contexts: parsed?.contexts ?? {} };
}

/** Writes the file with mode 0600 (it holds tokens), creating its directory 0700. */
export function writeContexts(file: string, contexts: ContextsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, YAML.stringify(contexts), { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

/**
 * The context a command uses: `--context`, else the current one; `INTERFLOW_URL` and
 * `INTERFLOW_TOKEN` override its fields (or stand alone, without any login).
 */
export function resolveContext(env: NodeJS.ProcessEnv, contextName: string | undefined): Context & { name: string } {
  const file = contextsPath(env);
  const stored = readContexts(file);
  const name = contextName ?? stored.current_context ?? undefined;
  const context = name ? stored.contexts[name] : undefined;
  if (contextName && !context) throw new UsageError(`no context '${contextName}' in ${file} (interflow login --context ${contextName} --url …)`);
  const url = env.INTERFLOW_URL || context?.url;
  const token = env.INTERFLOW_TOKEN || context?.token;
  if (!url) throw new UsageError(`no api to talk to: run \`interflow login --url URL\` or set INTERFLOW_URL`);
  if (!token) throw new UsageError(`no token for ${url}: run \`interflow login\` or set INTERFLOW_TOKEN`);
  return { name: name ?? '(environment)', url, token };
}
