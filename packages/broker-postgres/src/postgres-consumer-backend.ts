import type { Sql } from '@interflow/core';
import { claimMessages, settleAndClaim, type ConsumerStatement, type ConsumerStatementResult } from './claim-sql';
import type { ConsumerBackend } from './consumer-backend';
import type { Settler } from './delivery-control';
import { deregisterConsumer, heartbeatConsumers, registerConsumer } from './consumer-registry';
import type { RateCounter } from './rate-counter';
import { ackMessages, extendLeases, isWellFormedRef, releaseMessages } from './settle-sql';
import type { WakeUp } from './wake-up';

export interface PostgresConsumerBackendDeps {
  sql: Sql;
  wakeUp: WakeUp;
  rates: RateCounter;
  /** The broker's own settlement (nack, reject, the `*Within` forms, extendLease). */
  settle: Omit<Settler, 'ack'>;
  /** A consumer left the registry: the broker forgets it. */
  deregistered(id: string): void;
}

/** What the broker's consumers ask of PostgreSQL: their combined statement, lease keeping, release, the registry. */
export function postgresConsumerBackend(deps: PostgresConsumerBackendDeps): ConsumerBackend {
  const { sql, wakeUp, settle } = deps;
  return {
    settleAndClaim: (queue, statement) => settleAndClaimFor(deps, queue, statement),
    nack: (ref, options) => settle.nack(ref, options),
    reject: (ref, reason) => settle.reject(ref, reason),
    ackWithin: (tx, ref) => settle.ackWithin(tx, ref),
    nackWithin: (tx, ref, options) => settle.nackWithin(tx, ref, options),
    rejectWithin: (tx, ref, reason) => settle.rejectWithin(tx, ref, reason),
    extendLease: (ref, ms) => settle.extendLease(ref, ms),
    keepLeases: (refs, leaseMs) => extendLeases(sql, refs.filter(isWellFormedRef), leaseMs),
    release: async (queue, refs) => {
      if ((await releaseMessages(sql, refs.filter(isWellFormedRef))) > 0) wakeUp.announce([queue]);
    },
    subscribe: (queue, listener) => wakeUp.subscribe(queue, listener),
    register: (consumer) => registerConsumer(sql, consumer),
    heartbeat: (consumer) => heartbeatConsumers(sql, [consumer]),
    deregister: async (id) => {
      await deregisterConsumer(sql, id);
      deps.deregistered(id);
    },
  };
}

/** The cheapest statement for what the consumer sends: the combined one only when it settles and claims at once. */
async function settleAndClaimFor(deps: PostgresConsumerBackendDeps, queue: string, statement: ConsumerStatement): Promise<ConsumerStatementResult> {
  const acks = statement.acks.filter(isWellFormedRef);
  const handOvers = statement.handOvers.filter(isWellFormedRef);
  let outcome: ConsumerStatementResult;
  if (handOvers.length > 0 || (statement.claim && acks.length > 0)) {
    outcome = await settleAndClaim(deps.sql, { acks, handOvers, claim: statement.claim });
  } else if (statement.claim) {
    outcome = { ackedIds: new Set(), handedOver: new Map(), deliveries: await claimMessages(deps.sql, statement.claim) };
  } else if (acks.length > 0) {
    outcome = { ackedIds: new Set((await ackMessages(deps.sql, acks)).map((row) => row.id)), handedOver: new Map(), deliveries: [] };
  } else {
    outcome = { ackedIds: new Set(), handedOver: new Map(), deliveries: [] };
  }
  if (outcome.ackedIds.size > 0) deps.rates.countAcked(queue, outcome.ackedIds.size);
  return outcome;
}
