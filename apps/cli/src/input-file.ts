import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage-error';

/** `@file.json` reads the file, anything else is JSON itself; the result must parse. */
export function jsonArgument(value: string, cwd: string, what: string): unknown {
  let text = value;
  let source = what;
  if (value.startsWith('@')) {
    const file = path.resolve(cwd, value.slice(1));
    if (!fs.existsSync(file)) throw new UsageError(`${what}: no file ${file}`);
    text = fs.readFileSync(file, 'utf8');
    source = file;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${source}: not JSON (${(error as Error).message})`);
  }
}
