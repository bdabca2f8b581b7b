/** The command was used wrongly (exit code 2), as opposed to failing (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran and the thing it checks did not hold (exit code 1, message printed). */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}
