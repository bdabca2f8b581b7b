import { InterflowApiError } from '@interflow/client';
import { CommanderError } from 'commander';
import { CommandFailed, UsageError } from './usage-error';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What to print for an error and the exit code scripts can rely on (0 ok, 1 failure, 2 usage). */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: `error: ${error.message}\n`, exitCode: EXIT_USAGE };
  if (error instanceof CommanderError) return { message: '', exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE };
  if (error instanceof InterflowApiError) {
    const fields = error.fields.map((detail) => `  ${detail.field}: ${detail.message}\n`).join('');
    return { message: `error: ${error.message} (${error.status} ${error.code})\n${fields}`, exitCode: EXIT_FAILURE };
  }
  if (error instanceof CommandFailed) return { message: `error: ${error.message}\n`, exitCode: EXIT_FAILURE };
  // By name, not instanceof: fetch's TypeError may come from another realm (a test's vm context).
  if (isFetchFailure(error)) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { message: `error: cannot reach the api (${cause?.code ?? cause?.message ?? 'network error'})\n`, exitCode: EXIT_FAILURE };
  }
  const message = typeof error === 'object' && error !== null && typeof (error as Error).message === 'string' ? (error as Error).message : String(error);
  return { message: `error: ${message}\n`, exitCode: EXIT_FAILURE };
}

function isFetchFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Error).name === 'TypeError' && (error as Error).message === 'fetch failed';
}
