import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import {
  buildConnectorCall,
  createConnector,
  defineMethod,
  generateStandardWebhookSecret,
  signPayload,
  verifyCallSignature,
  WEBHOOK_SIGNATURE_HEADER,
  type CallEnvelope,
} from '../src';

const envelope: CallEnvelope = {
  deployment: { id: 'dep-1', name: 'test', connection: {}, credentials: {} },
  input: { word: 'hi' },
  run: { id: 'run-1', action_id: 'act-1' },
  attempt: 2,
};

/** Interoperability with the `standardwebhooks` reference library, both ways. */
describe('Standard Webhooks signatures', () => {
  it('a call the runner signs verifies with the standardwebhooks library (whsec_ secret)', () => {
    const secret = generateStandardWebhookSecret();
    const call = buildConnectorCall({ baseUrl: 'http://c', verb: 'POST', path: '/m', envelope, signingSecret: secret });
    expect(call.headers['webhook-id']).toBe('msg_run-1_2');
    expect(call.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(call.body ?? '', call.headers)).toEqual(envelope);
    // Any change of the body is caught by the library too.
    expect(() => new Webhook(secret).verify((call.body ?? '').replace('hi', 'ho'), call.headers)).toThrow();
  });

  it('a plain secret verifies as its raw bytes, or as whsec_ + base64 of it', () => {
    const secret = 'plain-service-secret';
    const call = buildConnectorCall({ baseUrl: 'http://c', verb: 'GET', path: '/m', envelope, signingSecret: secret });
    // GET carries the context in a header: that header is the signed payload.
    const payload = call.headers['x-interflow-context'] ?? '';
    expect(() => new Webhook(secret, { format: 'raw' }).verify(payload, call.headers, { jsonParse: false })).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from(secret).toString('base64')}`).verify(payload, call.headers, { jsonParse: false })).not.toThrow();
  });

  it('accepts what the library signs, and refuses tampering and staleness', () => {
    const secret = generateStandardWebhookSecret();
    const now = new Date();
    const headers: Record<string, string> = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_1', now, '{"a":1}'),
    };
    const verify = (payload: string, extra: Record<string, string> = {}, at = now) =>
      verifyCallSignature({ secret, payload, header: (name) => ({ ...headers, ...extra })[name], now: at, acceptLegacy: false });
    expect(verify('{"a":1}')).toEqual({ valid: true });
    expect(verify('{"a":2}')).toMatchObject({ valid: false, reason: 'mismatch' });
    expect(verify('{"a":1}', { 'webhook-id': 'msg_2' })).toMatchObject({ valid: false, reason: 'mismatch' });
    expect(verify('{"a":1}', {}, new Date(now.getTime() + 6 * 60_000))).toMatchObject({ valid: false, reason: 'stale' });
    // Several signatures (a sender rotating secrets): one match is enough.
    expect(verify('{"a":1}', { 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` })).toEqual({ valid: true });
  });
});

describe('a connector during the transition', () => {
  const secret = generateStandardWebhookSecret();
  let servers: Server[] = [];

  async function start(acceptLegacySignature: boolean): Promise<string> {
    const app = createConnector({
      name: 'transition',
      signingSecret: secret,
      acceptLegacySignature,
      methods: [defineMethod({ name: 'echo', input: z.object({ word: z.string() }), handler: ({ input }) => ({ said: input.word }) })],
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers = [];
  });

  const body = JSON.stringify({ ...envelope, input: { word: 'hi' } });
  const onlyStandard = () => {
    const now = new Date();
    return {
      'content-type': 'application/json',
      'webhook-id': 'msg_x',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_x', now, body),
    };
  };
  const onlyLegacy = () => ({ 'content-type': 'application/json', ...signPayload(secret, body) });

  it('accepts either scheme while legacy calls are accepted', async () => {
    const url = `${await start(true)}/methods/echo`;
    for (const headers of [onlyStandard(), onlyLegacy()]) {
      const response = await fetch(url, { method: 'POST', headers, body });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ said: 'hi' });
    }
    // A Standard Webhooks signature that does not match is final, whatever else the call carries.
    const forged = { ...onlyLegacy(), [WEBHOOK_SIGNATURE_HEADER]: 'v1,AAAA', 'webhook-id': 'm', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) };
    expect((await fetch(url, { method: 'POST', headers: forged, body })).status).toBe(401);
  });

  it('accepts only Standard Webhooks once the transition is over', async () => {
    const url = `${await start(false)}/methods/echo`;
    expect((await fetch(url, { method: 'POST', headers: onlyStandard(), body })).status).toBe(200);
    const legacy = await fetch(url, { method: 'POST', headers: onlyLegacy(), body });
    expect(legacy.status).toBe(401);
    expect(await legacy.json()).toMatchObject({ error: { code: 'signature_missing_headers' } });
  });
});
