import crypto from 'node:crypto';
import { type MessageHeaders } from '@interflow/broker';
import {
  createKeyring,
  MalformedRunRequest,
  parseRunReply,
  parseRunRequest,
  RUN_REQUEST_SIGNATURE_HEADER,
  runReplyPayload,
  runRequestKeys,
  runRequestMessage,
  runResultPayload,
  subscriptionInput,
  subscriptionRunRequest,
  UnauthorisedRunRequest,
} from '../src';

const keyOf = (id: string) => ({ id, key: crypto.randomBytes(32) });
const k1 = keyOf('k1');
const k2 = keyOf('k2');
const keys = runRequestKeys(createKeyring(k1));

const request = { actionId: 'a1', runId: 'r1', input: { name: 'Ada', nested: { b: 2, a: 1 } }, trigger: 'api' as const };

function delivered(message: { payload: unknown; headers: MessageHeaders }, replyTo: string | null = null) {
  return { payload: message.payload, headers: message.headers, replyTo };
}

describe('the run-request contract', () => {
  it('round-trips a signed request, with and without a run id', () => {
    const message = runRequestMessage(keys, request, 'interflow.replies.api.x');
    expect(message.payload).toEqual({ action_id: 'a1', run_id: 'r1', input: request.input, trigger: 'api', request_id: expect.any(String) });
    expect(message.headers['x-action-id']).toBe('a1');
    expect(String(message.headers[RUN_REQUEST_SIGNATURE_HEADER])).toMatch(/^v1:k1:[A-Za-z0-9_-]{43}$/);
    expect(parseRunRequest(delivered(message, 'interflow.replies.api.x'), keys)).toEqual({ ...request, requestId: message.payload.request_id });

    const scheduled = runRequestMessage(keys, { actionId: 'a1', runId: null, input: {}, trigger: 'schedule' });
    expect(scheduled.payload).not.toHaveProperty('run_id');
    expect(parseRunRequest(delivered(scheduled), keys)).toMatchObject({ runId: null, trigger: 'schedule' });
  });

  it('verifies whatever the key order of the input after a trip through jsonb', () => {
    const message = runRequestMessage(keys, request);
    const reordered = { ...message.payload, input: { nested: { a: 1, b: 2 }, name: 'Ada' } };
    expect(parseRunRequest(delivered({ payload: reordered, headers: message.headers }), keys).input).toEqual(reordered.input);
  });

  it.each([
    ['another action', { action_id: 'a2' }],
    ['another run', { run_id: 'r2' }],
    ['no run', { run_id: undefined }],
    ['another input', { input: { name: 'Mallory', nested: { a: 1, b: 2 } } }],
    ['another trigger', { trigger: 'webhook' }],
    ['another request id', { request_id: 'x' }],
  ])('refuses a signed request whose payload was changed: %s', (_what, change) => {
    const message = runRequestMessage(keys, request);
    const payload = { ...message.payload, ...change };
    const headers = 'action_id' in change ? { ...message.headers, 'x-action-id': 'a2' } : message.headers;
    expect(() => parseRunRequest(delivered({ payload, headers }), keys)).toThrow(/signature does not match/);
  });

  it('refuses a request whose reply-to was changed or added', () => {
    const message = runRequestMessage(keys, request, 'interflow.replies.api.x');
    expect(() => parseRunRequest(delivered(message, 'stolen-results'), keys)).toThrow(UnauthorisedRunRequest);
    expect(() => parseRunRequest(delivered(runRequestMessage(keys, request), 'stolen-results'), keys)).toThrow(UnauthorisedRunRequest);
  });

  it('refuses unsigned, malformed-signature and foreign-key requests, saying why', () => {
    const message = runRequestMessage(keys, request);
    const unsigned = { payload: message.payload, headers: { 'x-action-id': 'a1' } };
    expect(() => parseRunRequest(delivered(unsigned), keys)).toThrow('refused: the run request is not signed');
    const garbled = { payload: message.payload, headers: { ...message.headers, [RUN_REQUEST_SIGNATURE_HEADER]: 'sha256=abc' } };
    expect(() => parseRunRequest(delivered(garbled), keys)).toThrow(/not of the form v1:<key id>:<signature>/);
    const foreign = runRequestMessage(runRequestKeys(createKeyring(k2)), request);
    expect(() => parseRunRequest(delivered(foreign), keys)).toThrow("signed with key 'k2', which this runner does not hold");
    const sameIdOtherKey = runRequestMessage(runRequestKeys(createKeyring(keyOf('k1'))), request);
    expect(() => parseRunRequest(delivered(sameIdOtherKey), keys)).toThrow(/does not match/);
  });

  it('verifies with either key of a rotation, signs with the active one', () => {
    const rotated = runRequestKeys(createKeyring(k2, [k1]));
    expect(parseRunRequest(delivered(runRequestMessage(keys, request)), rotated).actionId).toBe('a1');
    expect(String(runRequestMessage(rotated, request).headers[RUN_REQUEST_SIGNATURE_HEADER])).toMatch(/^v1:k2:/);
    const before = runRequestKeys(createKeyring(k1, [k2]));
    expect(parseRunRequest(delivered(runRequestMessage(rotated, request)), before).actionId).toBe('a1');
  });

  it('derives a signing key that is not the encryption key', () => {
    expect(keys.signing.key.equals(k1.key)).toBe(false);
    expect(runRequestKeys(createKeyring(k1)).signing.key.equals(keys.signing.key)).toBe(true);
  });

  it('calls a payload that is no run request malformed, before looking at a signature', () => {
    expect(() => parseRunRequest(delivered({ payload: 'text', headers: {} }), keys)).toThrow(MalformedRunRequest);
    expect(() => parseRunRequest(delivered({ payload: { action_id: 'a', input: [1], trigger: 'api', request_id: 'q' }, headers: {} }), keys)).toThrow(
      /input/,
    );
    expect(() => parseRunRequest(delivered({ payload: { action_id: 'a', input: {}, trigger: 'cron', request_id: 'q' }, headers: {} }), keys)).toThrow(
      /trigger/,
    );
    const message = runRequestMessage(keys, request);
    expect(() => parseRunRequest(delivered({ payload: message.payload, headers: { ...message.headers, 'x-action-id': 'b' } }), keys)).toThrow(
      /disagrees/,
    );
  });

  it('takes a subscription message as input for the subscribed action, whatever the payload names', () => {
    const forged = { payload: { action_id: 'someone-else', run_id: 'r9', response: { orders: [] } }, messageId: 'm1' };
    expect(subscriptionRunRequest('a1', forged)).toEqual({ actionId: 'a1', runId: null, input: { orders: [] }, trigger: 'subscription', requestId: 'm1' });
    expect(subscriptionInput({ run_id: 'r', status: 'succeeded', response: [1, 2] })).toEqual({ value: [1, 2] });
    expect(subscriptionInput({ customer: 'x' })).toEqual({ customer: 'x' });
    expect(subscriptionInput(42)).toEqual({ value: 42 });
  });

  it('shapes replies and results, and reads replies back', () => {
    const ok = { runId: 'r1', status: 'succeeded' as const, response: { ok: true }, error: null };
    expect(runReplyPayload(ok)).toEqual({ run_id: 'r1', status: 'succeeded', response: { ok: true } });
    expect(runReplyPayload({ ...ok, status: 'failed', error: 'boom', response: undefined })).toEqual({
      run_id: 'r1',
      status: 'failed',
      error: 'boom',
      response: null,
    });
    expect(runResultPayload('a1', ok)).toEqual({ run_id: 'r1', action_id: 'a1', status: 'succeeded', response: { ok: true } });
    expect(parseRunReply(runReplyPayload(ok))).toEqual(runReplyPayload(ok));
    expect(parseRunReply({ status: 'succeeded' })).toBeNull();
    expect(parseRunReply([1])).toBeNull();
  });
});
