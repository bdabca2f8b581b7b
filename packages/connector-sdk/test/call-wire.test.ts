import { buildConnectorCall, decodeCallEnvelope, fillPathParameters, joinUrl, type CallEnvelope } from '../src';

const envelope: CallEnvelope = {
  deployment: { id: 'd1', name: 'prod', connection: { host: 'h' }, credentials: { api_key: 'k' } },
  input: { id: 'a/b', limit: 3 },
  run: { id: 'r1', action_id: 'a1' },
  attempt: 2,
};

describe('connector call wire format', () => {
  it('fills path parameters from the input, encoded, and refuses missing ones', () => {
    expect(fillPathParameters('/items/{id}/x', { id: 'a/b' })).toBe('/items/a%2Fb/x');
    expect(() => fillPathParameters('/items/{id}', {})).toThrow(/'id'/);
    expect(() => fillPathParameters('/items/{id}', { id: { nested: 1 } })).toThrow(/'id'/);
  });

  it('joins base URL and path with one slash', () => {
    expect(joinUrl('http://h:1/prefix/', '/m')).toBe('http://h:1/prefix/m');
    expect(joinUrl('http://h:1', 'm')).toBe('http://h:1/m');
  });

  it('sends the context as the body for POST and round-trips it', () => {
    const call = buildConnectorCall({ baseUrl: 'http://c', verb: 'POST', path: '/items/{id}', envelope, signingSecret: 's' });
    expect(call.url).toBe('http://c/items/a%2Fb');
    expect(call.headers['content-type']).toBe('application/json');
    expect(decodeCallEnvelope('POST', call.body ?? '')).toEqual(envelope);
  });

  it('sends the context in a header for GET and round-trips it', () => {
    const call = buildConnectorCall({ baseUrl: 'http://c', verb: 'GET', path: '/x', envelope, signingSecret: 's' });
    expect(call.body).toBeUndefined();
    const encoded = call.headers['x-interflow-context'] ?? '';
    expect(decodeCallEnvelope('GET', encoded)).toEqual(envelope);
  });
});
