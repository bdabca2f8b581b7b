import type { Sql } from '@interflow/core';
import type { Binding, BindingDeclaration, Exchange, ExchangeDeclaration, Queue, QueueDeclaration } from '@interflow/broker';
import * as bindings from './binding-store';
import * as exchanges from './exchange-store';
import * as queues from './queue-store';

/**
 * Exchanges, queues and bindings in `mq_exchanges`, `mq_queues` and `mq_bindings`: the
 * topology part of the `Broker` contract, which `PostgresBroker` extends.
 */
export class PostgresTopology {
  constructor(protected readonly sql: Sql) {}

  declareExchange(declaration: ExchangeDeclaration): Promise<Exchange> {
    return exchanges.declareExchange(this.sql, declaration);
  }
  deleteExchange(name: string): Promise<void> {
    return exchanges.deleteExchange(this.sql, name);
  }
  getExchange(name: string): Promise<Exchange | null> {
    return exchanges.getExchange(this.sql, name);
  }
  listExchanges(): Promise<Exchange[]> {
    return exchanges.listExchanges(this.sql);
  }
  declareQueue(declaration: QueueDeclaration): Promise<Queue> {
    return queues.declareQueue(this.sql, declaration);
  }
  deleteQueue(name: string): Promise<void> {
    return queues.deleteQueue(this.sql, name);
  }
  getQueue(name: string): Promise<Queue | null> {
    return queues.getQueue(this.sql, name);
  }
  listQueues(): Promise<Queue[]> {
    return queues.listQueues(this.sql);
  }
  bind(declaration: BindingDeclaration): Promise<Binding> {
    return bindings.bind(this.sql, declaration);
  }
  unbind(bindingId: string): Promise<void> {
    return bindings.unbind(this.sql, bindingId);
  }
  listBindings(filter?: { exchange?: string; queue?: string }): Promise<Binding[]> {
    return bindings.listBindings(this.sql, filter);
  }
}
