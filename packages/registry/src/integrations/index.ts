/**
 * The integration registry: services, deployments, actions,
 * runs, the response cache and action states. The api manages them; the runner uses
 * `loadActionContext` (secrets decrypted), the run-recording functions and
 * `storeCachedResponse`; both hash inputs with `hashRunInput`.
 */
export { parseKeySpec, createKeyring, type SecretKey, type SecretKeyring } from './crypto/secret-keyring';
export { sealSecret, openSecret, UnknownSecretKeyError, type SealedSecret } from './crypto/secret-box';
export {
  secretKeyConfigShape,
  keyringFromConfig,
  generateSecretKeySpec,
  type SecretKeyConfig,
} from './crypto/secret-key-config';
export { schemaProblem, schemaProblems, assertMatchesSchema, type JsonSchema, type SchemaProblem } from './json-schema';
export {
  DEPLOYMENT_OPERATIONS,
  deploymentAllows,
  deploymentVisibleSql,
  type AccessRule,
  type AccessRules,
  type DeploymentOperation,
} from './access-rules';
export {
  HTTP_VERBS,
  registerService,
  getService,
  listServices,
  updateService,
  deleteService,
  rotateServiceSigningSecret,
  generateSigningSecret,
  findSigningSecretByName,
  type HttpVerb,
  type Service,
  type ServiceFields,
  type ServiceMethod,
} from './services';
export {
  createDeployment,
  getDeployment,
  listDeployments,
  updateDeployment,
  deleteDeployment,
  deploymentEtag,
  readableDeployments,
  etagMatches,
  type Credentials,
  type Deployment,
  type DeploymentFields,
  type DeploymentPatch,
  type RateLimit,
} from './deployments';
export {
  DEFAULT_ACTION_TIMEOUT_MS,
  DEFAULT_RETRY_POLICY,
  createAction,
  getAction,
  listActions,
  updateAction,
  deleteAction,
  resolveMethod,
  rotateActionWebhook,
  disableActionWebhook,
  type Action,
  type ActionFields,
  type ResultRoute,
  type RetryPolicy,
  type NotificationRuleDocument,
} from './actions';
export { canonicalJson, hashRunInput, mergeRunInput } from './run-input';
export {
  RUN_STATUSES,
  insertQueuedRun,
  sendQueuedRunsInsert,
  recordRunMessage,
  insertCachedRun,
  findRunByIdempotencyKey,
  getRun,
  listRunAttempts,
  listRuns,
  runsPerMinute,
  type RunsInMinute,
  type NewRun,
  type Run,
  type RunAttempt,
  type RunFilter,
  type RunStatus,
  type RunTrigger,
} from './runs';
export { unfinishedRunSlice, failAbandonedRuns, type UnfinishedRun, type AbandonedRun } from './abandoned-runs';
export { actionQueues } from './action-queues';
export {
  ensureRunForMessage,
  startRunAttempt,
  startRunAttempts,
  type AttemptStart,
  finishRunAttempt,
  markRunRetrying,
  completeRun,
  completeRunOnce,
  endRunWithAttempt,
  endRunsWithAttempts,
  type RunEnding,
  type AttemptEnding,
  type AttemptOutcome,
  type RunCompletion,
  type RunForMessage,
} from './run-recording';
export { findFreshResponse, storeCachedResponse, pruneResponseCache, type CachedResponse } from './response-cache';
export { loadActionContext, type ActionContext } from './action-context';
export { findActionTarget, findWebhookTargets, type ActionTarget, type WebhookTarget } from './webhook-target';
export { runWithContextStamp, runsWithContextStamp, type RunWithContextStamp } from './run-with-context-stamp';
export {
  recordActionStates,
  listActionStates,
  deleteActionStates,
  type ActionState,
  type StateItem,
  type StateVerdict,
} from './action-states';
export { rotateSecretKeys, sealedValuesByKey, type RotationReport } from './rotate-secret-keys';
export { checkSecretsReadable, type SealedSecretSource, type SealedSample } from './secrets-readable';
export {
  assertValidPoller,
  polledItems,
  PolledResponseMismatch,
  type CollectionPoller,
  type PolledItem,
} from './collection-poller';
export { recordPolledItems, type ItemChange, type ItemChangeKind } from './item-changes';
export { readRunOutcome, type RunOutcome } from './run-outcome';
export { runsAwaitingOutcomeRules, markOutcomeRulesRaised } from './run-outcome-pending';
