import crypto from 'node:crypto';
import { z } from 'zod';
import type { Delivery, MessageHeaders } from '@interflow/broker';
import {
  runRequestSignatureProblem,
  signRunRequest,
  type RunRequestKeys,
  type SignedRunRequestFields,
} from './run-request-signature';

/**
 * The run request: the message that asks a runner to run an action. Written by the api
 * (a trigger through the REST API or a webhook), by the producer (a schedule's fire) and
 * by whatever retries a run; read by the runner. This module is the only place that
 * knows its shape. A subscription's message is not a run request: the runner turns it
 * into one (`subscriptionRunRequest`), the action coming from the subscription.
 *
 * On the wire: payload `{action_id, run_id?, input, trigger, request_id}`, headers
 * `x-action-id` (the action again, for routing and for people reading a queue) and
 * `x-interflow-signature` (run-request-signature.ts). `reply_to` is the message's own.
 */

export const RUN_TRIGGERS = ['api', 'webhook', 'schedule', 'subscription', 'retry'] as const;
/** Why a run started: named by the publisher, never guessed from who sent the message. */
export type RunRequestTrigger = (typeof RUN_TRIGGERS)[number];

export const ACTION_ID_HEADER = 'x-action-id';
export const RUN_REQUEST_SIGNATURE_HEADER = 'x-interflow-signature';

export interface RunRequest {
  actionId: string;
  /** The run the publisher created (the api does), or null: the runner creates it, keyed by the message. */
  runId: string | null;
  input: Record<string, unknown>;
  trigger: RunRequestTrigger;
  /** Unique per request; signed, so a request cannot be re-labelled. */
  requestId: string;
}

/** The payload and headers of a run request, ready to publish (with `replyTo` as given). */
export interface RunRequestMessage {
  payload: RunRequestPayload;
  headers: MessageHeaders;
}

const payloadSchema = z.object({
  action_id: z.string().min(1),
  run_id: z.string().min(1).optional(),
  input: z.record(z.string(), z.unknown()),
  trigger: z.enum(RUN_TRIGGERS),
  request_id: z.string().min(1),
});

export type RunRequestPayload = z.infer<typeof payloadSchema>;

/** Not a run request at all: dead-lettered, since no retry can help. */
export class MalformedRunRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRunRequest';
  }
}

/** A run request no authorised path published (unsigned, or the signature does not match). */
export class UnauthorisedRunRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorisedRunRequest';
  }
}

/** The signed message for a request (a fresh request id unless given). */
export function runRequestMessage(
  keys: RunRequestKeys,
  request: Omit<RunRequest, 'requestId'> & { requestId?: string },
  replyTo: string | null = null,
): RunRequestMessage {
  const requestId = request.requestId ?? crypto.randomUUID();
  const payload: RunRequestPayload = {
    action_id: request.actionId,
    ...(request.runId === null ? {} : { run_id: request.runId }),
    input: request.input,
    trigger: request.trigger,
    request_id: requestId,
  };
  const signature = signRunRequest(keys, { ...request, requestId, replyTo });
  return { payload, headers: { [ACTION_ID_HEADER]: request.actionId, [RUN_REQUEST_SIGNATURE_HEADER]: signature } };
}

/**
 * The request a delivery on an action queue carries, if an authorised path published
 * it. Throws MalformedRunRequest when the payload is not a run request and
 * UnauthorisedRunRequest when its signature is missing or does not match (the input,
 * the run, the trigger or the reply-to were changed, or someone else wrote it).
 */
export function parseRunRequest(delivery: Pick<Delivery, 'payload' | 'headers' | 'replyTo'>, keys: RunRequestKeys): RunRequest {
  const parsed = payloadSchema.safeParse(delivery.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new MalformedRunRequest(`not a run request (${problems})`);
  }
  const header = delivery.headers[ACTION_ID_HEADER];
  if (header !== undefined && String(header) !== parsed.data.action_id) {
    throw new MalformedRunRequest(`header ${ACTION_ID_HEADER} '${String(header)}' disagrees with action_id '${parsed.data.action_id}'`);
  }
  const request: RunRequest = {
    actionId: parsed.data.action_id,
    runId: parsed.data.run_id ?? null,
    input: parsed.data.input,
    trigger: parsed.data.trigger,
    requestId: parsed.data.request_id,
  };
  const signed: SignedRunRequestFields = { ...request, replyTo: delivery.replyTo };
  const problem = runRequestSignatureProblem(keys, signed, delivery.headers[RUN_REQUEST_SIGNATURE_HEADER]);
  if (problem) throw new UnauthorisedRunRequest(`refused: ${problem}; only the api, webhooks, schedules and retries may request runs`);
  return request;
}

/**
 * The request a message on a subscription's queue stands for. The subscription
 * authorises it (someone with change access to the action's deployment bound the
 * exchange to it), and names the action: the payload only supplies the input.
 */
export function subscriptionRunRequest(actionId: string, delivery: Pick<Delivery, 'payload' | 'messageId'>): RunRequest {
  return { actionId, runId: null, input: subscriptionInput(delivery.payload), trigger: 'subscription', requestId: delivery.messageId };
}

/**
 * A subscription message as input. A finished run's result (`{run_id, status, response}`,
 * run-reply.ts) passes its response on; another object is the input itself; anything
 * else is wrapped as `{ value }`.
 */
export function subscriptionInput(payload: unknown): Record<string, unknown> {
  if (isRecord(payload) && typeof payload.run_id === 'string' && 'response' in payload) {
    const response = payload.response;
    return isRecord(response) ? response : { value: response };
  }
  return isRecord(payload) ? payload : { value: payload };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
