import { ConflictError, ValidationError } from '@interflow/core';
import { DEFAULT_QUEUE_POLICY, checkBindingId, checkBindingNames, checkExchangeDeclaration, exchangeTypeConflict, queuePolicyOf, type ExchangeDeclaration } from '../src';

/** The field a rule names when it refuses, or 'ok'. */
function refusedField(check: () => unknown): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (error.details as { field: string }[])[0]?.field ?? 'no field';
  }
}

describe('topology rules shared by the brokers', () => {
  it.each<[string, ExchangeDeclaration, string]>([
    ['a plain exchange', { name: 'orders', type: 'topic' }, 'ok'],
    ['an exchange with an alternate', { name: 'orders', type: 'direct', alternateExchange: 'unrouted' }, 'ok'],
    ['an empty name', { name: '', type: 'direct' }, 'name'],
    ['an unknown type', { name: 'orders', type: 'nope' as 'direct' }, 'type'],
    ['a control character in the alternate', { name: 'orders', type: 'fanout', alternateExchange: 'a\u0001b' }, 'alternateExchange'],
    ['itself as alternate', { name: 'orders', type: 'fanout', alternateExchange: 'orders' }, 'alternateExchange'],
  ])('exchange declaration: %s → %s', (_, declaration, field) => {
    expect(refusedField(() => checkExchangeDeclaration(declaration))).toBe(field);
  });

  it('answers the alternate exchange, or null for none', () => {
    expect(checkExchangeDeclaration({ name: 'x', type: 'direct', alternateExchange: 'y' })).toBe('y');
    expect(checkExchangeDeclaration({ name: 'x', type: 'direct', alternateExchange: null })).toBeNull();
    expect(checkExchangeDeclaration({ name: 'x', type: 'direct' })).toBeNull();
  });

  it('a type conflict names both types', () => {
    const conflict = exchangeTypeConflict('events', 'topic', 'fanout');
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toBe("exchange 'events' exists with type 'topic', not 'fanout'");
  });

  it.each<[string, () => unknown, string]>([
    ['a new queue gets the defaults', () => queuePolicyOf({ name: 'q' }, null), 'ok'],
    ['an empty name', () => queuePolicyOf({ name: '' }, null), 'name'],
    ['itself as dead-letter queue', () => queuePolicyOf({ name: 'q', policy: { deadLetterQueue: 'q' } }, null), 'policy.deadLetterQueue'],
    ['a bad policy field', () => queuePolicyOf({ name: 'q', policy: { maxAttempts: 0 } }, null), 'policy.maxAttempts'],
    ['binding names', () => checkBindingNames({ exchange: 'x', queue: 'q' }), 'ok'],
    ['a binding without an exchange name', () => checkBindingNames({ exchange: '', queue: 'q' }), 'exchange'],
    ['a binding without a queue name', () => checkBindingNames({ exchange: 'x', queue: '' }), 'queue'],
    ['a binding id', () => checkBindingId('42'), 'ok'],
    ['a binding id that is no number', () => checkBindingId('4a'), 'bindingId'],
    ['a binding id of 19 digits', () => checkBindingId('1234567890123456789'), 'bindingId'],
  ])('%s → %s', (_, check, field) => {
    expect(refusedField(check)).toBe(field);
  });

  it('a queue policy keeps what the declaration does not name', () => {
    const existing = { ...DEFAULT_QUEUE_POLICY, maxAttempts: 7 };
    expect(queuePolicyOf({ name: 'q', policy: { messageTtlMs: 1000 } }, existing)).toEqual({ ...existing, messageTtlMs: 1000 });
    expect(queuePolicyOf({ name: 'q' }, null)).toEqual(DEFAULT_QUEUE_POLICY);
  });
});
