/**
 * What every daemon needs: configuration, logging, errors, the clock, the SQL client,
 * health, lifecycle, metrics and tracing. Domains live in their own packages
 * (`@interflow/broker`, `@interflow/broker-postgres`, `@interflow/registry`).
 */
export * from './errors';
export * from './clock';
export { parseConfig } from './config/parse-config';
export { baseConfigSchema, baseConfigShape, intVar, boolVar, type BaseConfig } from './config/base-config';
export { createLogger, createSilentLogger, redactSecrets, type Logger, type LoggerOptions } from './logger/create-logger';
export { describeError, failureLine, type ErrorDescription } from './logger/describe-error';
export { createSqlClient, quoteIdentifier, type Sql, type SqlClientOptions } from './db/sql-client';
export { MIGRATIONS_TABLE } from './db/migrations-table';
export { checkReadiness, type ReadinessReport } from './db/readiness';
export { isDatabaseUnavailable } from './db/database-unavailable';
export { createReadinessProbe, type ReadinessCheck, type ReadinessProbeOptions } from './health/readiness-probe';
export { createMetricsRegistry, type MetricsRegistry } from './metrics/metrics-registry';
export { startTracing, isTracing, type Tracing, type StartTracingOptions } from './tracing/start-tracing';
export { tracingConfigShape, tracingEnabled, tracesUrl, type TracingConfig } from './tracing/tracing-config';
export { traceHeaders, contextFromHeaders, inSpan, recordSpan, activeTraceIds, SpanKind, TRACE_HEADERS, type SpanOptions } from './tracing/trace-context';
export { LabelValueCap, OTHER_LABEL_VALUE, isPlainLabelValue } from './metrics/label-value-cap';
export { AdvisoryLeadership, type AdvisoryLeadershipOptions } from './db/advisory-leadership';
export { startHealthServer, type HealthServer, type HealthServerOptions } from './health/health-server';
export { installShutdown, type Shutdown, type ShutdownOptions } from './lifecycle/shutdown';
export { runStartStep } from './lifecycle/start-step';
export { bootDaemon, parseConfigOrExit, type DaemonBase, type BootDaemonOptions } from './lifecycle/boot-daemon';
export { type SqlExecutor } from './db/sql-executor';
export { keysetPage, type KeysetPage, type KeysetRequest } from './db/keyset-page';
export { jsonParam } from './db/json-param';
export { notifyChannel } from './db/notify-channel';
export { inPipelinedTransaction, type PipelinedTransactionSql } from './db/pipelined-transaction';
export { CoalescingBatcher, type BatchOutcome, type CoalescingBatcherOptions } from './batching/coalescing-batcher';
export { nextGroupCommitStep, type GroupCommitStep, type GroupCommitState, type GroupCommitLimits } from './batching/group-commit-step';
export { TurnBatch } from './batching/turn-batch';
export { inDistinctRounds } from './batching/distinct-rounds';
export { DAEMON_HEAP_LIMIT_MB, DAEMON_SEMI_SPACE_MB, daemonHeapNodeArgs, type DaemonKind } from './lifecycle/daemon-heap';
