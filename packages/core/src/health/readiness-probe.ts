import { checkReadiness, type ReadinessReport } from '../db/readiness';
import type { Sql } from '../db/sql-client';
import type { Logger } from '../logger/create-logger';
import { describeError } from '../logger/describe-error';

/** A daemon's own readiness condition beyond database and migrations: 'ok' or why not. */
export interface ReadinessCheck {
  name: string;
  check(sql: Sql): Promise<'ok' | string>;
  /** A step of starting (as migrations are), not work failing: "not ready" is logged as a warning. */
  partOfStarting?: boolean;
}

export interface ReadinessProbeOptions {
  /**
   * A connection of its own (not the daemon's pool): while the database is down, the
   * pool holds queries back during its reconnect backoff (up to 20 s), and a probe
   * must not wait for that.
   */
  sql: Sql;
  expectedMigrations: readonly string[];
  /** Run once the database answers and is migrated. */
  checks?: readonly ReadinessCheck[];
  /** A probe answers within this, whatever the database does. */
  timeoutMs: number;
  draining(): boolean;
  logger: Logger;
}

/**
 * `/readyz` of every daemon: draining, database, migrations, then the daemon's own checks.
 * Concurrent probes share one evaluation; a probe that has no result within `timeoutMs`
 * answers "not ready" with that reason. A check turning bad is logged (the daemon's own
 * checks at error level: they mean work is failing, unless they are a step of starting),
 * and turning good again too.
 */
export function createReadinessProbe(options: ReadinessProbeOptions): () => Promise<ReadinessReport> {
  let inFlight: Promise<ReadinessReport> | null = null;
  const last = new Map<string, string>();
  const ownChecks = new Set((options.checks ?? []).map((c) => c.name));
  const failingWork = new Set((options.checks ?? []).filter((c) => !c.partOfStarting).map((c) => c.name));

  const evaluate = async (): Promise<ReadinessReport> => {
    const base = await checkReadiness(options.sql, options.expectedMigrations);
    const report: ReadinessReport = { ready: base.ready, checks: { ...base.checks } };
    for (const { name, check } of options.checks ?? []) {
      if (!base.ready) {
        report.checks[name] = 'unknown';
        continue;
      }
      const result = await check(options.sql).catch((error: unknown) => `could not be checked: ${describeError(error).message}`);
      report.checks[name] = result;
      if (result !== 'ok') report.ready = false;
    }
    return report;
  };

  const remember = (report: ReadinessReport) => {
    for (const [name, result] of Object.entries(report.checks)) {
      if (result === 'unknown') continue;
      const before = last.get(name);
      last.set(name, result);
      if (result === before || (before === undefined && result === 'ok')) continue;
      if (result === 'ok') options.logger.info('readiness check passes again', { check: name });
      else if (failingWork.has(name)) options.logger.error('not ready', { check: name, reason: result });
      else options.logger.warn('not ready', { check: name, reason: result });
    }
  };

  return async () => {
    if (options.draining()) return { ready: false, checks: { database: 'ok', migrations: 'ok' }, draining: true };
    inFlight ??= evaluate().finally(() => {
      inFlight = null;
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ReadinessReport>((resolve) => {
      timer = setTimeout(() => resolve(noAnswer(options.timeoutMs, ownChecks)), options.timeoutMs);
    });
    const report = await Promise.race([inFlight, timedOut]).finally(() => clearTimeout(timer));
    remember(report);
    return report;
  };
}

function noAnswer(timeoutMs: number, ownChecks: Set<string>): ReadinessReport {
  const checks: ReadinessReport['checks'] = { database: `unreachable: no answer within ${timeoutMs} ms`, migrations: 'unknown' };
  for (const name of ownChecks) checks[name] = 'unknown';
  return { ready: false, checks };
}
