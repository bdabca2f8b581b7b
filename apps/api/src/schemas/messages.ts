import { z } from 'zod';
import {
  type Delivery,
  type MessageHeaders,
  type OutgoingMessage,
  type Publication,
  type PublishReceipt,
} from '@interflow/broker';
import { type Principal } from '@interflow/registry';
import { userTopologyName } from './mq-names';

const DAY_MS = 24 * 3600 * 1000;
/** Most messages one batch request may carry; a batch is one transaction. */
export const MAX_BATCH_MESSAGES = 1000;

const headerValue = z.union([z.string(), z.number(), z.boolean()], {
  message: 'header values must be strings, numbers or booleans',
});

/** The fields of one message as the api accepts it (snake_case); see `toOutgoingMessage`. */
const messageFields = {
  /** Any JSON value; required (send `null` for an empty message). */
  payload: z.custom<unknown>((value) => value !== undefined, { message: 'is required (any JSON value)' }).describe('any JSON value'),
  headers: z.record(z.string().min(1).max(200), headerValue).optional(),
  priority: z
    .number({ message: 'expected a whole number from 1 (lowest) to 5 (highest)' })
    .int({ message: 'expected a whole number from 1 (lowest) to 5 (highest)' })
    .min(1, { message: 'must be from 1 (lowest) to 5 (highest)' })
    .max(5, { message: 'must be from 1 (lowest) to 5 (highest)' })
    .optional(),
  delay_ms: z.number().int().min(0).max(365 * DAY_MS).optional(),
  not_before: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  ttl_ms: z.number().int().min(1).max(365 * DAY_MS).optional(),
  expires_at: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  ack_deadline_ms: z.number().int().min(100).max(DAY_MS).optional(),
  reply_to: userTopologyName.optional(),
  correlation_id: z.string().min(1).max(200).optional(),
  dedupe_key: z.string().min(1).max(200).optional(),
};

/** Ignored by fanout and headers exchanges; matched against binding keys otherwise. */
const routingKey = z.string().max(255).default('');
/** true: a message no queue accepts is refused (unroutable) instead of dropped. */
const mandatory = z.boolean().default(false);

/** A relative and an absolute form of the same setting would contradict each other. */
function refuseBothTimingForms(
  message: { delay_ms?: number; not_before?: string; ttl_ms?: number; expires_at?: string },
  context: z.RefinementCtx,
): void {
  if (message.delay_ms !== undefined && message.not_before !== undefined) {
    context.addIssue({ code: 'custom', message: 'give delay_ms or not_before, not both', path: ['delay_ms'] });
  }
  if (message.ttl_ms !== undefined && message.expires_at !== undefined) {
    context.addIssue({ code: 'custom', message: 'give ttl_ms or expires_at, not both', path: ['ttl_ms'] });
  }
}

function batchOf<Message extends z.ZodType>(message: Message) {
  return z
    .array(message)
    .min(1, { message: 'must hold at least one message' })
    .max(MAX_BATCH_MESSAGES, { message: `must hold at most ${MAX_BATCH_MESSAGES} messages` });
}

/** One message to the default exchange (`POST /v1/queues/{name}/publish`): no routing key. */
export const messageBody = z.strictObject(messageFields).superRefine(refuseBothTimingForms);
export const queuePublishBody = messageBody;
export const queueBatchBody = z.strictObject({ messages: batchOf(messageBody) });

const exchangeMessageBody = z.strictObject({ ...messageFields, routing_key: routingKey }).superRefine(refuseBothTimingForms);

/** `POST /v1/exchanges/{name}/publish` with one message. */
export const exchangePublishBody = z
  .strictObject({ ...messageFields, routing_key: routingKey, mandatory })
  .superRefine(refuseBothTimingForms);

/** `POST /v1/exchanges/{name}/publish` with `{"messages": [...]}`: all stored, or none. */
export const exchangeBatchBody = z.strictObject({ messages: batchOf(exchangeMessageBody), mandatory });

export type MessageBody = z.infer<typeof messageBody>;

/** True when the body is the batch form (`{"messages": [...]}`). */
export function isBatchBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'messages' in body;
}

/** The `sender` recorded on messages published through the api: the token that published. */
export function senderOf(principal: Principal): string {
  return `api-token:${principal.tokenId}`;
}

/** The broker's message from a validated body; `sender` names who published. */
export function toOutgoingMessage(body: MessageBody, sender: string): OutgoingMessage {
  const message: OutgoingMessage = { payload: body.payload, sender };
  if (body.headers) message.headers = body.headers as MessageHeaders;
  if (body.priority !== undefined) message.priority = body.priority;
  if (body.delay_ms !== undefined) message.delayMs = body.delay_ms;
  if (body.not_before !== undefined) message.notBefore = new Date(body.not_before);
  if (body.ttl_ms !== undefined) message.ttlMs = body.ttl_ms;
  if (body.expires_at !== undefined) message.expiresAt = new Date(body.expires_at);
  if (body.ack_deadline_ms !== undefined) message.ackDeadlineMs = body.ack_deadline_ms;
  if (body.reply_to !== undefined) message.replyTo = body.reply_to;
  if (body.correlation_id !== undefined) message.correlationId = body.correlation_id;
  if (body.dedupe_key !== undefined) message.dedupeKey = body.dedupe_key;
  return message;
}

export function toPublication(exchange: string, routingKey: string, body: MessageBody, sender: string, mandatory: boolean): Publication {
  return { exchange, routingKey, message: toOutgoingMessage(body, sender), mandatory };
}

export const receiptJson = z.object({
  message_ids: z.array(z.string()).describe('one id per queue the message was stored in (an earlier id when deduplicated)'),
  queues: z.array(z.string()).describe('the queues, in the order of message_ids; empty when nothing matched'),
});
export const batchReceiptJson = z.object({ receipts: z.array(receiptJson).describe('one per message, in request order') });

export function receiptToJson(receipt: PublishReceipt): z.infer<typeof receiptJson> {
  return { message_ids: receipt.messageIds, queues: receipt.queues };
}

export const peekQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const peekedMessageJson = z.object({
  message_id: z.string(),
  queue: z.string(),
  payload: z.unknown(),
  headers: z.record(z.string(), headerValue),
  priority: z.number(),
  attempt: z.number().describe('deliveries so far (0: never delivered)'),
  published_at: z.string(),
  expires_at: z.string().nullable(),
  reply_to: z.string().nullable(),
  correlation_id: z.string().nullable(),
  sender: z.string().nullable(),
  deaths: z.array(
    z.object({ queue: z.string(), reason: z.string(), count: z.number(), time: z.string(), detail: z.string().optional() }),
  ),
});
export const peekJson = z.object({ items: z.array(peekedMessageJson) });

/**
 * A message seen by peeking. The delivery token is left out: peeking claims nothing, and
 * the token is what lets a consumer settle a delivery.
 */
export function peekedMessageToJson(message: Delivery): z.infer<typeof peekedMessageJson> {
  return {
    message_id: message.messageId,
    queue: message.queue,
    payload: message.payload,
    headers: message.headers,
    priority: message.priority,
    attempt: message.attempt,
    published_at: message.publishedAt.toISOString(),
    expires_at: message.expiresAt?.toISOString() ?? null,
    reply_to: message.replyTo,
    correlation_id: message.correlationId,
    sender: message.sender,
    deaths: message.deaths,
  };
}
