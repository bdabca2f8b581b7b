import {
  headersMatch,
  topicPatternToRegex,
  type Binding,
  type ExchangeType,
  type MessageHeaders,
  type QueuePolicy,
} from '@interflow/broker';
import { NotFoundError } from '@interflow/core';

interface ExchangeEntry {
  type: ExchangeType;
  alternateExchange: string | null;
  bindings: (Binding & { pattern: RegExp | null })[];
}

/**
 * The topology as one consistent read, for routing in memory: the contract needs the
 * exact queues a publish reached (its receipt, one message id per queue, dedupe per
 * queue), which AMQP's own routing never tells the publisher.
 */
export class TopologySnapshot {
  private readonly exchanges = new Map<string, ExchangeEntry>();
  private readonly policies = new Map<string, QueuePolicy>();

  constructor(
    readonly version: string,
    exchanges: { name: string; type: ExchangeType; alternateExchange: string | null }[],
    queues: { name: string; policy: QueuePolicy }[],
    bindings: Binding[],
  ) {
    for (const exchange of exchanges) this.exchanges.set(exchange.name, { type: exchange.type, alternateExchange: exchange.alternateExchange, bindings: [] });
    for (const queue of queues) this.policies.set(queue.name, queue.policy);
    for (const binding of bindings) {
      const entry = this.exchanges.get(binding.exchange);
      if (!entry) continue;
      entry.bindings.push({ ...binding, pattern: entry.type === 'topic' ? new RegExp(topicPatternToRegex(binding.bindingKey)) : null });
    }
  }

  policyOf(queue: string): QueuePolicy | null {
    return this.policies.get(queue) ?? null;
  }

  hasExchange(name: string): boolean {
    return name === '' || this.exchanges.has(name);
  }

  queueNames(): string[] {
    return [...this.policies.keys()];
  }

  /**
   * The queues a message reaches, each once, in binding order; the alternate exchange
   * (and its own alternate, and so on) takes what no binding matched. Throws
   * NotFoundError for a missing exchange.
   */
  route(exchange: string, routingKey: string, headers: MessageHeaders): string[] {
    if (exchange === '') return this.policies.has(routingKey) ? [routingKey] : [];
    const seen = new Set<string>();
    let current: string | null = exchange;
    while (current !== null && !seen.has(current)) {
      seen.add(current);
      const entry = this.exchanges.get(current);
      if (!entry) {
        if (current === exchange) throw new NotFoundError('exchange', exchange);
        return [];
      }
      const queues = new Set<string>();
      for (const binding of entry.bindings) if (this.matches(entry.type, binding, routingKey, headers)) queues.add(binding.queue);
      if (queues.size > 0) return [...queues];
      current = entry.alternateExchange;
    }
    return [];
  }

  private matches(type: ExchangeType, binding: Binding & { pattern: RegExp | null }, routingKey: string, headers: MessageHeaders): boolean {
    switch (type) {
      case 'fanout':
        return true;
      case 'direct':
        return binding.bindingKey === routingKey;
      case 'topic':
        return binding.pattern?.test(routingKey) === true;
      case 'headers':
        return headersMatch(binding.headers, binding.headersMatch, headers);
    }
  }
}
