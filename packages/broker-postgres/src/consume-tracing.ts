import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { isTracing, contextFromHeaders, inSpan, recordSpan } from '@interflow/core';
import type { Delivery } from '@interflow/broker';

const TRACER = 'interflow-broker';

/**
 * Trace spans of the consuming side. A message's trace is the one its `traceparent`
 * header names (set when it was published); one without starts a trace of its own.
 * Claims and acks are batched statements shared by many messages, so each message gets
 * its own span over the statement that claimed (or settled) it.
 */

/** One `mq claim` span per claimed message, covering the statement that claimed it. */
export function traceClaims(queue: string, deliveries: Delivery[], startTime: Date, endTime: Date): void {
  if (!isTracing()) return;
  for (const delivery of deliveries) {
    recordSpan(TRACER, `mq claim ${queue}`, {
      kind: SpanKind.CONSUMER,
      parent: contextFromHeaders(delivery.headers, ROOT_CONTEXT),
      startTime,
      endTime,
      attributes: { 'messaging.system': 'postgresql', 'messaging.destination.name': queue, 'messaging.message.id': delivery.messageId },
    });
  }
}

/** Runs the handler inside an `mq process` span continuing the message's trace. */
export function inDeliverySpan(queue: string, delivery: Delivery, handle: () => Promise<void>): Promise<void> {
  if (!isTracing()) return handle();
  return inSpan(
    TRACER,
    `mq process ${queue}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromHeaders(delivery.headers, ROOT_CONTEXT),
      attributes: {
        'messaging.system': 'postgresql',
        'messaging.destination.name': queue,
        'messaging.message.id': delivery.messageId,
        'interflow.attempt': delivery.attempt,
      },
    },
    handle,
  );
}

/** An ack, nack or reject as a child span of the handler's span. */
export function inSettleSpan<T>(kind: 'ack' | 'nack' | 'reject', queue: string, settle: () => Promise<T>): Promise<T> {
  if (!isTracing() || !trace.getActiveSpan()) return settle();
  return inSpan(TRACER, `mq ${kind} ${queue}`, { kind: SpanKind.CLIENT, attributes: { 'messaging.system': 'postgresql' } }, settle);
}
