import { fetch, type RequestInit, type Response } from 'undici';
import type { AllowList } from './address-policy';
import { createGuardedAgent } from './guarded-agent';

/** `fetch`, with every connection checked against the outbound policy. */
export type OutboundFetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * One guarded dispatcher per allow-list, shared by every call (it pools connections).
 * A refused destination rejects like a network failure, with an OutboundRefusedError as
 * its cause (`outboundRefusal` finds it).
 */
export function outboundFetch(allow: AllowList, options: { connectTimeoutMs?: number } = {}): OutboundFetch & { close(): Promise<void> } {
  const dispatcher = createGuardedAgent({ allow, connectTimeoutMs: options.connectTimeoutMs });
  const guarded = (url: string, init: RequestInit = {}) => fetch(url, { ...init, dispatcher });
  return Object.assign(guarded, { close: () => dispatcher.close() });
}
