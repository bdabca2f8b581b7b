/** What a command reads and writes: the process's streams, or a test's buffers. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The working directory relative paths (`-f`, `@file.json`) start from. */
  cwd: string;
  /** Reads one line (a hidden one for tokens) from the terminal; absent when stdin is not a terminal. */
  prompt?: (question: string, hidden: boolean) => Promise<string>;
  /** All of stdin, for `-f -`. */
  readStdin: () => Promise<string>;
  /** Aborted on Ctrl-C (or by a test): ends commands that follow a stream, with exit code 0. */
  signal?: AbortSignal;
}
