import net from 'node:net';

/** A TCP proxy in front of RabbitMQ that a test can cut: every connection through it drops at once, as in a network failure. */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  private refusing = false;
  port = 0;
  /** Connections closed at once because the proxy was down. */
  refused = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.refusing) {
        this.refused++;
        client.destroy();
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  /** Drops every connection through the proxy (new ones are accepted again). */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * A silent network: every connection open now stops carrying anything either way and
   * stays open (no FIN, no reset), as behind a cut cable or a frozen host. New
   * connections are carried as usual.
   */
  freeze(): void {
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.pause();
    }
  }

  /** An outage: every connection drops and new ones are closed at once, until `resume`. */
  goDown(): void {
    this.refusing = true;
    this.cut();
  }

  resume(): void {
    this.refusing = false;
  }

  get connections(): number {
    return this.sockets.size / 2;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
