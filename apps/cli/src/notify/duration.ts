import { UsageError } from '../usage-error';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `15m`, `1h`, `2d`, `500ms` or plain milliseconds → milliseconds; anything else is a usage error naming the option. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${option} ${text}: expected a duration such as 90s, 15m, 1h, 2d or milliseconds`);
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 'ms') as keyof typeof UNIT_MS];
  if (!Number.isSafeInteger(Math.round(ms))) throw new UsageError(`${option} ${text}: too long`);
  return Math.round(ms);
}
