/**
 * The run-request contract: what api, producer and runner exchange to start a run and
 * to say it ended. One module, imported by all three.
 */
export {
  RUN_TRIGGERS,
  ACTION_ID_HEADER,
  RUN_REQUEST_SIGNATURE_HEADER,
  MalformedRunRequest,
  UnauthorisedRunRequest,
  runRequestMessage,
  parseRunRequest,
  subscriptionRunRequest,
  subscriptionInput,
  type RunRequest,
  type RunRequestTrigger,
  type RunRequestMessage,
  type RunRequestPayload,
} from './run-request';
export { runRequestKeys, signRunRequest, runRequestSignatureProblem, type RunRequestKeys, type SignedRunRequestFields } from './run-request-signature';
export {
  RUN_ID_HEADER,
  runReplyPayload,
  runResultPayload,
  parseRunReply,
  type RunEnd,
  type RunEndStatus,
  type RunReply,
  type RunResult,
} from './run-reply';
