import { ConflictError, ValidationError } from '@interflow/core';
import type { BindingDeclaration, ExchangeDeclaration, ExchangeType, QueueDeclaration, QueuePolicy } from './broker';
import { DEFAULT_QUEUE_POLICY, mergeQueuePolicy, validateName } from './queue-policy';

/**
 * What every broker checks in a declaration before it looks anything up, so both
 * implementations refuse the same input with the same 400 naming the field. Whether a
 * named exchange or queue exists is each store's own question.
 */

export const EXCHANGE_TYPES: readonly ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

/** Checks the exchange's name, type and alternate; answers the alternate exchange (null: none). */
export function checkExchangeDeclaration(declaration: ExchangeDeclaration): string | null {
  validateName(declaration.name, 'name');
  if (!EXCHANGE_TYPES.includes(declaration.type)) {
    throw new ValidationError(`type must be one of ${EXCHANGE_TYPES.join(', ')}`, [{ field: 'type', message: `must be one of ${EXCHANGE_TYPES.join(', ')}` }]);
  }
  const alternate = declaration.alternateExchange ?? null;
  if (alternate === null) return null;
  validateName(alternate, 'alternateExchange');
  if (alternate === declaration.name) throw new ValidationError('an exchange cannot be its own alternate', [{ field: 'alternateExchange', message: 'must differ from name' }]);
  return alternate;
}

/** Declaring an existing exchange with another type: bindings made for one type mean nothing to another. */
export function exchangeTypeConflict(name: string, existingType: ExchangeType | undefined, declaredType: ExchangeType): ConflictError {
  return new ConflictError(`exchange '${name}' exists with type '${existingType}', not '${declaredType}'`, { name, type: existingType });
}

/** Checks the queue's name and merges the declared policy over `existing` (defaults for a new queue); a queue cannot dead-letter into itself. */
export function queuePolicyOf(declaration: QueueDeclaration, existing: QueuePolicy | null): QueuePolicy {
  validateName(declaration.name, 'name');
  const policy = mergeQueuePolicy(existing ?? DEFAULT_QUEUE_POLICY, declaration.policy);
  if (policy.deadLetterQueue === declaration.name) {
    throw new ValidationError('a queue cannot be its own dead-letter queue', [{ field: 'policy.deadLetterQueue', message: 'must differ from name' }]);
  }
  return policy;
}

/** Checks the names a binding declaration gives (its key and headers are checked against the exchange's type by normalizeBinding). */
export function checkBindingNames(declaration: BindingDeclaration): void {
  validateName(declaration.exchange, 'exchange');
  validateName(declaration.queue, 'queue');
}

/** Binding ids are the numbers the brokers answered when binding. */
export function checkBindingId(bindingId: string): void {
  if (!/^\d{1,18}$/.test(bindingId)) throw new ValidationError(`binding id '${bindingId}' is not a number`, [{ field: 'bindingId', message: 'must be a number' }]);
}
