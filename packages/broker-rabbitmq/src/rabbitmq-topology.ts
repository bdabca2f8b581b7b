import type { Binding, BindingDeclaration, Exchange, ExchangeDeclaration, Queue, QueueDeclaration } from '@interflow/broker';
import type { Sql } from '@interflow/core';
import type { TopologyCache } from './topology-cache';
import type { TopologyDeclarer } from './topology-declarer';
import * as store from './topology-store';
import { forgetTrackedIn } from './tracked-messages';

/**
 * The topology half of the RabbitMQ broker: each change is recorded in PostgreSQL
 * (validated there, with the PostgreSQL broker's errors), mirrored on RabbitMQ, and then
 * announced by bumping the topology version, so every publisher routes by it next.
 */
export abstract class RabbitmqTopology {
  protected abstract readonly sql: Sql;
  protected abstract readonly topology: TopologyCache;
  protected abstract readonly declarer: TopologyDeclarer;

  async declareExchange(declaration: ExchangeDeclaration): Promise<Exchange> {
    const exchange = await store.recordExchange(this.sql, declaration);
    await this.declarer.exchange(exchange.name, exchange.type);
    return this.changed(exchange);
  }
  async deleteExchange(name: string): Promise<void> {
    await store.forgetExchange(this.sql, name);
    await this.declarer.deleteExchange(name);
    await this.changed(undefined);
  }
  getExchange(name: string): Promise<Exchange | null> {
    return store.getExchange(this.sql, name);
  }
  listExchanges(): Promise<Exchange[]> {
    return store.listExchanges(this.sql);
  }
  async declareQueue(declaration: QueueDeclaration): Promise<Queue> {
    const { queue, previous } = await store.recordQueue(this.sql, declaration);
    await this.declarer.queue(queue.name, queue.policy, previous);
    return this.changed(queue);
  }
  async deleteQueue(name: string): Promise<void> {
    const { delays } = await store.forgetQueue(this.sql, name);
    await forgetTrackedIn(this.sql, name);
    await this.declarer.deleteQueue(name, delays);
    await this.changed(undefined);
  }
  getQueue(name: string): Promise<Queue | null> {
    return store.getQueue(this.sql, name);
  }
  listQueues(): Promise<Queue[]> {
    return store.listQueues(this.sql);
  }
  async bind(declaration: BindingDeclaration): Promise<Binding> {
    const { binding, type } = await store.recordBinding(this.sql, declaration);
    await this.declarer.bind(binding, type);
    return this.changed(binding);
  }
  async unbind(bindingId: string): Promise<void> {
    const binding = await store.forgetBinding(this.sql, bindingId);
    const exchange = await store.getExchange(this.sql, binding.exchange);
    await this.declarer.unbind(binding, exchange?.type ?? 'direct');
    await this.changed(undefined);
  }
  listBindings(filter?: { exchange?: string; queue?: string }): Promise<Binding[]> {
    return store.listBindings(this.sql, filter);
  }

  protected async changed<T>(result: T): Promise<T> {
    await store.bumpTopologyVersion(this.sql);
    this.topology.invalidate();
    return result;
  }
}
