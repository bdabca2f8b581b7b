import 'reflect-metadata';

export * from './errors';
export * from './clock';
export { parseConfig } from './config/parse-config';
export { baseConfigSchema, baseConfigShape, intVar, boolVar, type BaseConfig } from './config/base-config';
export { createLogger, createSilentLogger, redactSecrets, type Logger, type LoggerOptions } from './logger/create-logger';
export { describeError, failureLine, type ErrorDescription } from './logger/describe-error';
export { createSqlClient, quoteIdentifier, type Sql, type SqlClientOptions } from './db/sql-client';
export { createDataSource, MIGRATIONS_TABLE, type DataSourceOptions } from './db/data-source';
export { migrate, type MigrateOptions } from './db/migrate';
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
export { bootDaemon, parseConfigOrExit, type DaemonBase, type BootDaemonOptions } from './lifecycle/boot-daemon';
export * from './mq/broker';
export * from './schedule';
export { type SqlExecutor } from './db/sql-executor';
export { keysetPage, type KeysetPage, type KeysetRequest } from './db/keyset-page';
export { ROLES, roleAtLeast, principalCoversDeployment, type Role, type Principal } from './access/principal';
export { generateTokenSecret, hashTokenSecret, TOKEN_PREFIX } from './access/token-secret';
export {
  createApiToken,
  getApiToken,
  listApiTokens,
  revokeApiToken,
  authenticateApiToken,
  type ApiToken,
  type NewApiToken,
} from './access/api-tokens';
export { ensureBootstrapAdmin, BOOTSTRAP_ISSUED_SETTING, type BootstrapAdminOptions, type BootstrapOutcome } from './access/bootstrap-admin';
export { jsonParam } from './db/json-param';
export * from './integrations';
export * from './run-request';
export { PostgresBroker, type PostgresBrokerOptions } from './mq/postgres-broker';
export { UnroutableError, StaleDeliveryError, QueueFullError } from './mq/errors';
export {
  SYSTEM_PREFIX,
  DEFAULT_ACTION_QUEUE,
  RESERVED_NAME_MESSAGE,
  isSystemName,
  isSystemDeadLetterQueue,
  isActionQueueName,
  deadLetterQueueOf,
  subscriptionQueueName,
  replyQueueName,
} from './mq/system-names';
export { DEFAULT_QUEUE_POLICY, mergeQueuePolicy, validateName } from './mq/queue-policy';
export { topicPatternToRegex, topicMatches, headersMatch, normalizeBinding, validateHeaders } from './mq/routing';
export { retryDelayMs } from './mq/retry-backoff';
export { decideHandOver, type HandOverDecision, type HandOverState } from './mq/hand-over';
export {
  expireMessages,
  returnLapsedLeases,
  pruneHistory,
  runQueueHousekeeping,
  type HousekeepingOptions,
  type PruneOptions,
  type HousekeepingReport,
} from './mq/housekeeping';
export { listConsumers, type RegisteredConsumer } from './mq/consumer-registry';
export { readQueueGauges, type QueueGaugeRow } from './mq/queue-gauges-sql';
export { wakeUpChannel } from './mq/wake-up';
export type { TransactionSql } from './mq/sql-types';
export * from './schedule-store';
export {
  createActionSubscription,
  getActionSubscription,
  listActionSubscriptions,
  deleteActionSubscription,
  listSubscriptionTargets,
  type ActionSubscription,
  type ActionSubscriptionFields,
} from './subscriptions/action-subscriptions';
export {
  getApplySet,
  listApplySets,
  putApplySet,
  deleteApplySet,
  applySetEtag,
  type ApplySet,
  type ManagedObject,
  type WriteCondition,
} from './apply-sets/apply-sets';
export * from './events';
export { queueDepths, type QueueDepth } from './mq/queue-depth-sql';
