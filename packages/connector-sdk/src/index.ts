export { createConnector, type ConnectorOptions } from './create-connector';
export {
  defineMethod,
  describeMethod,
  type CallDeployment,
  type MethodContext,
  type MethodDefinition,
  type MethodDescription,
  type ResolvedMethod,
} from './method';
export { ConnectorError, PermanentError, RetryableError, RateLimitedError } from './errors';
export {
  signPayload,
  verifySignature,
  TIMESTAMP_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  DEFAULT_SIGNATURE_TOLERANCE_MS,
  type SignatureHeaders,
  type SignatureVerdict,
  type VerifySignatureInput,
} from './signature';
export {
  signStandardWebhook,
  verifyStandardWebhook,
  standardWebhookKey,
  generateStandardWebhookSecret,
  WEBHOOK_ID_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type StandardWebhookHeaders,
  type VerifyStandardWebhookInput,
} from './standard-webhooks';
export { verifyCallSignature, type VerifyCallInput } from './verify-call';
export {
  buildConnectorCall,
  callMessageId,
  decodeCallEnvelope,
  fillPathParameters,
  joinUrl,
  callEnvelopeSchema,
  CONTEXT_HEADER,
  HTTP_VERBS,
  type BuildConnectorCallInput,
  type CallEnvelope,
  type ConnectorCall,
  type HttpVerb,
} from './call-wire';
export { callDeadline, type CallDeadline } from './call-deadline';
