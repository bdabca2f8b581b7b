export {
  decideAddress,
  describeAllowList,
  parseAllowList,
  isAllowedHost,
  EMPTY_ALLOW_LIST,
  METADATA_ADDRESSES,
  type AddressVerdict,
  type AllowList,
} from './address-policy';
export { createGuardedAgent, guardedLookup, outboundRefusal, OutboundRefusedError, type GuardedAgentOptions } from './guarded-agent';
export { readLimited, type LimitedBody } from './read-limited';
export { outboundConfigShape } from './outbound-config';
export { outboundFetch, type OutboundFetch, type OutboundRequest, type OutboundRequestOptions } from './outbound-fetch';
