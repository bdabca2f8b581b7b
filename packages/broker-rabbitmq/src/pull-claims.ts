import type amqp from 'amqplib';
import type { ClaimOptions, Delivery } from '@interflow/broker';
import { ValidationError } from '@interflow/core';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpNames } from './amqp-names';
import type { Envelope } from './envelope';
import type { Leases } from './leases';
import { toDelivery } from './to-delivery';
import type { TopologyCache } from './topology-cache';

export interface ClaimParts {
  connection: AmqpConnection;
  names: AmqpNames;
  topology: TopologyCache;
  leases: Leases;
  /** The arrival checks (lost lease, expired, early); null when the message was dealt with. */
  arrive(queue: string, channel: amqp.Channel, message: amqp.Message): Promise<Envelope | null>;
  leaseMsFor(envelope: Envelope, leaseMs: number | null): Promise<number>;
}

/**
 * The contract's `claim`: up to `max` messages taken one `basic.get` at a time on one
 * shared channel, each held under a lease in this process. A closed channel loses the
 * leases of what it held (RabbitMQ put those messages back) and the next claim opens
 * another.
 */
export class PullClaims {
  private channel: Promise<amqp.Channel> | null = null;

  constructor(private readonly parts: ClaimParts) {}

  async claim(queue: string, options: ClaimOptions): Promise<Delivery[]> {
    if (!Number.isInteger(options.max) || options.max < 1) throw new ValidationError('max must be a positive integer', [{ field: 'max', message: 'must be a positive integer' }]);
    const { topology } = this.parts;
    if ((await topology.recent()).policyOf(queue) === null && (await topology.current()).policyOf(queue) === null) return [];
    const channel = await this.openChannel();
    const deliveries: Delivery[] = [];
    while (deliveries.length < options.max) {
      const message = await channel.get(this.parts.names.queue(queue), { noAck: false });
      if (message === false) break;
      const envelope = await this.parts.arrive(queue, channel, message);
      if (!envelope) continue;
      const held = this.parts.leases.hold({ envelope, message, channel }, await this.parts.leaseMsFor(envelope, options.leaseMs ?? null));
      deliveries.push(toDelivery(envelope, held.token, held.leaseExpiresAt));
    }
    return deliveries;
  }

  private openChannel(): Promise<amqp.Channel> {
    if (!this.channel) {
      const opening = this.parts.connection.channel();
      this.channel = opening;
      opening.then(
        (channel) => channel.on('close', () => {
          if (this.channel === opening) this.channel = null;
          this.parts.leases.dropChannel(channel);
        }),
        () => {
          if (this.channel === opening) this.channel = null;
        },
      );
    }
    return this.channel;
  }
}
