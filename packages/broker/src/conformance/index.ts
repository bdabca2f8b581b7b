/**
 * The broker conformance suite: every behavioural promise the broker contract makes, as
 * one jest test factory that every implementation runs against its real server
 * (docs/broker-conformance.md). Test code only: daemons never import this subpath.
 */
import { describeConsumePromises } from './consume-promises';
import { describeDeadLetterPromises } from './dead-letter-promises';
import { describeDeliveryPromises } from './delivery-promises';
import type { ConformanceHarness } from './harness';
import { describeLeasePromises } from './lease-promises';
import { describeObservationPromises } from './observation-promises';
import { describePolicyLimitPromises } from './policy-limit-promises';
import { describeRoutingPromises } from './routing-promises';
import { describeTopologyPromises } from './topology-promises';
import { describeWakeUpPromises } from './wake-up-promises';

export { transactionOn, type ConformanceHarness, type ConformanceSubject, type InterruptibleSubject, type SubjectOptions } from './harness';
export type { DocumentedDifferences, DifferenceName } from './differences';

/** Declares the whole suite (topology … server restart) for one implementation. */
export function describeBrokerConformance(name: string, harness: ConformanceHarness): void {
  describe(`${name} broker conformance`, () => {
    describeTopologyPromises(harness);
    describeRoutingPromises(harness);
    describeDeliveryPromises(harness);
    describePolicyLimitPromises(harness);
    describeDeadLetterPromises(harness);
    describeLeasePromises(harness);
    describeConsumePromises(harness);
    describeObservationPromises(harness);
    describeWakeUpPromises(harness);
  });
}
