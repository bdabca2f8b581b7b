import amqp from 'amqplib';
import { type Logger } from '@interflow/core';
import { coalesceFrameWrites } from './frame-writes';

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5000;

/**
 * The AMQP heartbeat asked for when the URL names none. amqplib asks for none, so the
 * server's 60 s applied, and a connection whose peer went silent without closing it (a
 * network cut that sends no reset, a frozen host) was noticed only after two missed
 * beats: two minutes of publishes waiting and deliveries held. At 10 s it takes about 20 s.
 */
export const DEFAULT_HEARTBEAT_SECONDS = 10;

/**
 * One AMQP connection, re-established after it drops (a server restart, a closed
 * connection, a network cut) with a capped exponential backoff. Owners of channels
 * listen for `onReconnect` and open theirs again; a call made while the connection is
 * down waits for the next one.
 */
export class AmqpConnection {
  private current: amqp.ChannelModel | null = null;
  private connecting: Promise<amqp.ChannelModel> | null = null;
  private readonly reconnectListeners = new Set<() => void>();
  private generation = 0;
  private closed = false;

  private readonly url: string;

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly connectionName: string,
    heartbeatSeconds: number = DEFAULT_HEARTBEAT_SECONDS,
  ) {
    this.url = withHeartbeat(url, heartbeatSeconds);
  }

  /** Increases by one with every new connection: a channel from an older one is gone. */
  get connectionGeneration(): number {
    return this.generation;
  }

  /** True while a connection is open; false while it is down and being re-established. */
  get connected(): boolean {
    return this.current !== null;
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async connection(): Promise<amqp.ChannelModel> {
    if (this.closed) throw new Error('the RabbitMQ connection is closed');
    if (this.current) return this.current;
    this.connecting ??= this.connectWithRetry().finally(() => (this.connecting = null));
    return this.connecting;
  }

  async channel(): Promise<amqp.Channel> {
    const channel = await (await this.connection()).createChannel();
    channel.on('error', (error: unknown) => this.logger.debug('AMQP channel error', { error }));
    return channel;
  }

  async confirmChannel(): Promise<amqp.ConfirmChannel> {
    const channel = await (await this.connection()).createConfirmChannel();
    channel.on('error', (error: unknown) => this.logger.debug('AMQP channel error', { error }));
    return channel;
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.current;
    this.current = null;
    if (connection) await connection.close().catch(() => undefined);
  }

  private async connectWithRetry(): Promise<amqp.ChannelModel> {
    let delay = RECONNECT_MIN_MS;
    for (;;) {
      if (this.closed) throw new Error('the RabbitMQ connection is closed');
      try {
        // noDelay: a publish or an ack is one small frame; Nagle's algorithm would hold it back until the previous one was acknowledged by TCP.
        const connection = await amqp.connect(this.url, { noDelay: true, clientProperties: { connection_name: this.connectionName } });
        if (!coalesceFrameWrites(connection)) this.logger.debug('amqplib internals differ from 0.10: every frame is its own socket write');
        this.adopt(connection);
        return connection;
      } catch (error) {
        this.logger.warn('connecting to RabbitMQ failed; retrying', { error, retryInMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(RECONNECT_MAX_MS, delay * 2);
      }
    }
  }

  private adopt(connection: amqp.ChannelModel): void {
    const isReconnect = this.generation > 0;
    this.generation++;
    this.current = connection;
    connection.on('error', (error: unknown) => this.logger.warn('RabbitMQ connection error', { error }));
    connection.on('close', () => {
      if (this.current !== connection) return;
      this.current = null;
      if (this.closed) return;
      this.logger.warn('RabbitMQ connection lost; reconnecting');
      void this.connection().catch(() => undefined);
    });
    if (isReconnect) {
      this.logger.info('RabbitMQ connection re-established');
      for (const listener of this.reconnectListeners) listener();
    }
  }
}

/** The URL with `heartbeat` in its query, unless it names one already (the operator's choice wins). */
export function withHeartbeat(url: string, heartbeatSeconds: number): string {
  const query = url.indexOf('?');
  if (query >= 0 && /(^|&)heartbeat=/.test(url.slice(query + 1))) return url;
  return `${url}${query >= 0 ? '&' : '?'}heartbeat=${heartbeatSeconds}`;
}
