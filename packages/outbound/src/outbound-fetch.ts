import { fetch, request, type Dispatcher, type RequestInit, type Response } from 'undici';
import type { AllowList } from './address-policy';
import { createGuardedAgent } from './guarded-agent';

/** `fetch`, with every connection checked against the outbound policy. */
export type OutboundFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface OutboundRequestOptions {
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * undici's `request` (Node streams, no Request/Response objects, no web streams: a
 * fraction of fetch's CPU a call) over the same guarded dispatcher as the fetch it comes
 * with. Never follows a redirect: a 3xx is the answer.
 */
export type OutboundRequest = (url: string, options: OutboundRequestOptions) => Promise<Dispatcher.ResponseData>;

/**
 * One guarded dispatcher per allow-list, shared by every call (it pools connections),
 * through `fetch` or `request`. A refused destination rejects like a network failure,
 * with an OutboundRefusedError as the error or its cause (`outboundRefusal` finds it).
 */
export function outboundFetch(allow: AllowList, options: { connectTimeoutMs?: number } = {}): OutboundFetch & { request: OutboundRequest; close(): Promise<void> } {
  const dispatcher = createGuardedAgent({ allow, connectTimeoutMs: options.connectTimeoutMs });
  const guarded = (url: string, init: RequestInit = {}) => fetch(url, { ...init, dispatcher });
  const guardedRequest: OutboundRequest = (url, init) => request(url, { ...init, dispatcher });
  return Object.assign(guarded, { request: guardedRequest, close: () => dispatcher.close() });
}
