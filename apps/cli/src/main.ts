#!/usr/bin/env node
import { getEventListeners } from 'node:events';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { runCli } from './cli';

/** Asks on the terminal; a hidden answer (a token) is not echoed. */
function prompt(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const interrupted = new AbortController();
// Ctrl-C ends a command that follows a stream (runs watch) cleanly, with exit code 0;
// any other command is stopped at once, as usual (130).
process.once('SIGINT', () => {
  const following = getEventListeners(interrupted.signal, 'abort').length > 0;
  interrupted.abort();
  if (!following) process.exit(130);
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  ...(process.stdin.isTTY ? { prompt } : {}),
  readStdin,
  signal: interrupted.signal,
}).then((code) => {
  process.exitCode = code;
});
