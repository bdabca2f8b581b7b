import { Counter, Gauge, Histogram } from 'prom-client';
import { LabelValueCap, type MetricsRegistry } from '@interflow/core';
import type { LimitWaitObserver } from './limits/call-permits';
import type { FinalRunStatus } from './run-ledger';

/** Distinct action and service names shown by name; later ones are counted under `_other`. */
const NAMED_LABEL_VALUES = 500;

/**
 * What an operator watches on a runner: how deliveries end, how runs end (per action and deployment),
 * how long connector calls take (per service), how often deployment limits made a call
 * wait. Action and service names come from users, so their label values are capped.
 */
export interface RunnerMetrics {
  /** Per handled delivery: succeeded, failed, retry, come_back_later, limited, interrupted, malformed, unrunnable, already_done. */
  deliveries: Counter<'outcome'>;
  callsInFlight: Gauge;
  /** A run reached its final status; `publishedAt` is when its message was published (the trigger). */
  runEnded(run: { actionName: string; deploymentName: string; status: FinalRunStatus; publishedAt: Date }): void;
  /** A connector call ended with this outcome kind. */
  callEnded(call: { serviceName: string; outcome: string; seconds: number }): void;
  limitWaits: LimitWaitObserver;
}

export function createRunnerMetrics(registry: MetricsRegistry): RunnerMetrics {
  const registers = [registry];
  const actions = new LabelValueCap(NAMED_LABEL_VALUES);
  const services = new LabelValueCap(NAMED_LABEL_VALUES);
  const deployments = new LabelValueCap(NAMED_LABEL_VALUES);
  const runs = new Counter({
    name: 'interflow_runs_total',
    help: 'Runs that reached a final status, by action and deployment name and status (succeeded, failed)',
    labelNames: ['action', 'deployment', 'status'],
    registers,
  });
  const runDuration = new Histogram({
    name: 'interflow_run_duration_seconds',
    help: 'From the publication of a run request (its trigger) to the run\'s final status, retries included',
    labelNames: ['status'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers,
  });
  const callDuration = new Histogram({
    name: 'interflow_connector_call_duration_seconds',
    help: 'Duration of calls to connectors, by service name and outcome',
    labelNames: ['service', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const limitWaits = new Counter({
    name: 'interflow_rate_limit_waits_total',
    help: 'Calls that had to wait for a deployment limit (rate or concurrency), by how the wait ended (passed, gave_up, aborted)',
    labelNames: ['limit', 'outcome'],
    registers,
  });
  const limitWaitSeconds = new Histogram({
    name: 'interflow_rate_limit_wait_seconds',
    help: 'Time calls spent waiting for a deployment limit, by limit',
    labelNames: ['limit'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  return {
    deliveries: new Counter({
      name: 'interflow_runner_deliveries_total',
      help: 'Deliveries the runner handled, by what became of them',
      labelNames: ['outcome'],
      registers,
    }),
    callsInFlight: new Gauge({
      name: 'interflow_runner_calls_in_flight',
      help: 'Connector calls in progress on this runner',
      registers,
    }),
    runEnded({ actionName, deploymentName, status, publishedAt }) {
      // An action belongs to one deployment, so the pair adds no series beyond one per action.
      runs.inc({ action: actions.valueFor(actionName), deployment: deployments.valueFor(deploymentName), status });
      runDuration.observe({ status }, Math.max(0, (Date.now() - publishedAt.getTime()) / 1000));
    },
    callEnded({ serviceName, outcome, seconds }) {
      callDuration.observe({ service: services.valueFor(serviceName), outcome }, seconds);
    },
    limitWaits: {
      waited(limit, outcome, seconds) {
        limitWaits.inc({ limit, outcome });
        limitWaitSeconds.observe({ limit }, seconds);
      },
    },
  };
}
