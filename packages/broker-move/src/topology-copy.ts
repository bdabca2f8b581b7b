import type { Broker } from '@interflow/broker';

type Topology = Pick<Broker, 'listExchanges' | 'getExchange' | 'declareExchange' | 'listQueues' | 'getQueue' | 'declareQueue' | 'listBindings' | 'bind'>;

export interface CopiedTopology {
  exchanges: number;
  queues: number;
  bindings: number;
}

/**
 * Declares on the target every exchange, queue (with its whole policy) and binding of
 * the source; what the target has already is declared again, so a re-run changes
 * nothing. References come last: exchanges and queues the target lacks are first
 * declared without their alternate exchange or dead-letter queue (they may name each
 * other), then all of them with it. The source's topology stays as it is.
 */
export async function copyTopology(source: Topology, target: Topology): Promise<CopiedTopology> {
  const exchanges = await source.listExchanges();
  for (const exchange of exchanges) {
    if (!(await target.getExchange(exchange.name))) {
      await target.declareExchange({ name: exchange.name, type: exchange.type, alternateExchange: null });
    }
  }
  for (const exchange of exchanges) await target.declareExchange({ name: exchange.name, type: exchange.type, alternateExchange: exchange.alternateExchange });

  const queues = await source.listQueues();
  for (const queue of queues) {
    if (!(await target.getQueue(queue.name))) {
      await target.declareQueue({ name: queue.name, policy: { ...queue.policy, deadLetterQueue: null } });
    }
  }
  for (const queue of queues) await target.declareQueue({ name: queue.name, policy: queue.policy });

  const bindings = await source.listBindings();
  for (const binding of bindings) {
    await target.bind({ exchange: binding.exchange, queue: binding.queue, bindingKey: binding.bindingKey, headers: binding.headers, headersMatch: binding.headersMatch });
  }
  return { exchanges: exchanges.length, queues: queues.length, bindings: bindings.length };
}
