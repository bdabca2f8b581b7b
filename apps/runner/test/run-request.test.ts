import type { Delivery } from '@interflow/core';
import { MalformedRunRequest, mergeInput, parseActionMessage, subscriptionInput } from '../src/run-request';

function delivery(payload: unknown, headers: Record<string, string> = {}): Delivery {
  return {
    messageId: 'm1',
    queue: 'interflow.actions',
    payload,
    headers,
    priority: 3,
    attempt: 1,
    deliveryToken: 't',
    leaseExpiresAt: new Date(),
    replyTo: null,
    correlationId: null,
    sender: null,
    publishedAt: new Date(),
    expiresAt: null,
    deaths: [],
    recovered: false,
  };
}

describe('run requests', () => {
  it('reads contract-3 messages, with or without a run id', () => {
    expect(parseActionMessage(delivery({ action_id: 'a', run_id: 'r', input: { x: 1 } }, { 'x-action-id': 'a' }))).toEqual({
      actionId: 'a',
      runId: 'r',
      input: { x: 1 },
    });
    expect(parseActionMessage(delivery({ action_id: 'a' }))).toEqual({ actionId: 'a', runId: null, input: {} });
  });

  it('refuses malformed payloads and a header that disagrees', () => {
    expect(() => parseActionMessage(delivery({ input: {} }))).toThrow(MalformedRunRequest);
    expect(() => parseActionMessage(delivery('text'))).toThrow(/not a run request/);
    expect(() => parseActionMessage(delivery({ action_id: 'a', input: [1] }))).toThrow(/input/);
    expect(() => parseActionMessage(delivery({ action_id: 'a' }, { 'x-action-id': 'b' }))).toThrow(/disagrees/);
  });

  it('turns subscription payloads into input', () => {
    expect(subscriptionInput({ run_id: 'r', status: 'succeeded', response: { orders: [] } })).toEqual({ orders: [] });
    expect(subscriptionInput({ run_id: 'r', status: 'succeeded', response: [1, 2] })).toEqual({ value: [1, 2] });
    expect(subscriptionInput({ customer: 'x' })).toEqual({ customer: 'x' });
    expect(subscriptionInput(42)).toEqual({ value: 42 });
  });

  it('merges the message input over the defaults', () => {
    expect(mergeInput({ limit: 10, region: 'eu' }, { limit: 5 })).toEqual({ limit: 5, region: 'eu' });
  });
});
