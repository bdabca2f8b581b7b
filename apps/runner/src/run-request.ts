/**
 * The runner's side of the run-request contract (the registry's run-request module holds the
 * shape, the parse function and the signature): what a delivery asks the runner to do.
 */
export {
  ACTION_ID_HEADER,
  MalformedRunRequest,
  UnauthorisedRunRequest,
  parseRunRequest,
  subscriptionInput,
  subscriptionRunRequest,
  type RunRequest,
} from '@interflow/registry';

/** The action's default input under the message's: the message wins field by field. */
export function mergeInput(defaults: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  return { ...defaults, ...given };
}
