import { parseConfig } from '@interflow/core';
import { launcherConfigSchema } from '../src/config';
import { daemonSpecs } from '../src/daemons';
import { shutdownBudget } from '../src/shutdown-budget';

/** The runner's RUNNER_DRAIN_GRACE_MS as `npm start` would pass it, from the launcher's environment. */
function runnerDrainGrace(env: Record<string, string>): string | undefined {
  const config = parseConfig(launcherConfigSchema, env);
  return daemonSpecs(config, 'postgres://postgres@127.0.0.1:5432/interflow', 'a-key', null).find((spec) => spec.name === 'runner')?.env.RUNNER_DRAIN_GRACE_MS;
}

describe('daemonSpecs', () => {
  it('gives the runner its share of SHUTDOWN_GRACE_MS to drain when RUNNER_DRAIN_GRACE_MS is unset', () => {
    expect(runnerDrainGrace({})).toBe(String(shutdownBudget(30_000).runnerDrainMs));
    expect(runnerDrainGrace({ SHUTDOWN_GRACE_MS: '10000' })).toBe(String(shutdownBudget(10_000).runnerDrainMs));
  });

  it('passes the operator’s RUNNER_DRAIN_GRACE_MS as given, 0 included', () => {
    expect(runnerDrainGrace({ RUNNER_DRAIN_GRACE_MS: '5000' })).toBe('5000');
    expect(runnerDrainGrace({ RUNNER_DRAIN_GRACE_MS: '0' })).toBe('0');
  });

  it('refuses a RUNNER_DRAIN_GRACE_MS that is not a whole number of milliseconds', () => {
    expect(() => runnerDrainGrace({ RUNNER_DRAIN_GRACE_MS: 'soon' })).toThrow('RUNNER_DRAIN_GRACE_MS');
  });
});
