export interface CliOptions {
  /** One JSON object on stdout instead of a table. */
  json: boolean;
  /** Names given with `--only` (comma separated or repeated); empty means all. */
  only: string[];
  /** Print the benchmark names and exit. */
  list: boolean;
  /** Runs of each benchmark; the report holds the median of each number. */
  repeat: number;
  /** The broker measured: postgres (default) or rabbitmq (with the plain amqplib yardstick in the same run). */
  broker: 'postgres' | 'rabbitmq';
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [--json] [--only name[,name...]] [--broker postgres|rabbitmq] [--list]

  --json        print exactly one JSON object on stdout (progress goes to stderr)
  --only NAMES  run only these benchmarks (comma separated, or repeat the flag)
  --repeat N    run each benchmark N times and report the median of each number (default 1)
  --broker B    the broker measured: postgres (default) or rabbitmq (AMQP_URL, default the local
                server); rabbitmq adds the plain amqplib yardstick and the *_vs_amqplib ratios
  --list        list the benchmarks and exit

Runs against DATABASE_URL's server, else PostgreSQL on 127.0.0.1:5432, in a database
it creates for the run and drops afterwards.`;

/** Parses argv (without node and the script); throws naming an unknown flag. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = { json: false, only: [], list: false, repeat: 1, broker: 'postgres', help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs a benchmark name');
      options.only.push(...value.split(',').map((name) => name.trim()).filter(Boolean));
    } else if (arg === '--repeat' || arg.startsWith('--repeat=')) {
      const value = arg === '--repeat' ? argv[++i] : arg.slice('--repeat='.length);
      const repeat = Number(value);
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat needs a whole number from 1 to 20');
      options.repeat = repeat;
    } else if (arg === '--broker' || arg.startsWith('--broker=')) {
      const value = arg === '--broker' ? argv[++i] : arg.slice('--broker='.length);
      if (value !== 'postgres' && value !== 'rabbitmq') throw new Error('--broker needs postgres or rabbitmq');
      options.broker = value;
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}
