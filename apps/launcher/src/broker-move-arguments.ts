import { ConfigError } from '@interflow/core';

export interface BrokerMoveArguments {
  to: 'postgres' | 'rabbitmq';
  batchSize: number;
}

export const BROKER_MOVE_USAGE = 'usage: npm run broker:move -- --to rabbitmq|postgres [--batch-size 500]';

/** `--to rabbitmq|postgres` (required) and `--batch-size n` (1..10000, default 500); anything else is refused with the usage. */
export function parseBrokerMoveArguments(argv: string[]): BrokerMoveArguments {
  let to: string | undefined;
  let batchSize = 500;
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (flag === '--to') to = value;
    else if (flag === '--batch-size') {
      batchSize = Number(value);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) problems.push(`--batch-size: expected a whole number from 1 to 10000 (got '${value ?? ''}')`);
    } else problems.push(`${flag}: unknown option`);
  }
  if (to !== 'postgres' && to !== 'rabbitmq') problems.push(`--to: expected rabbitmq or postgres (got '${to ?? ''}')`);
  if (problems.length > 0) throw new ConfigError([...problems, BROKER_MOVE_USAGE]);
  return { to: to as BrokerMoveArguments['to'], batchSize };
}
