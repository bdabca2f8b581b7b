import http from 'node:http';

/**
 * Fires an action's webhook over HTTP/1.1 keep-alive with a lean client (node:http and
 * one agent), so the load generator's own CPU stays small beside the daemons it measures.
 * Each request's body is `{"n": <number>}`; a 202 (queued) or 200 is an accepted run.
 */
export class WebhookLoad {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(apiUrl: string, webhookPath: string, maxSockets: number) {
    this.url = new URL(webhookPath, apiUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** `count` runs numbered from `first`, from `clients` concurrent clients each firing the next as soon as its last was accepted. */
  async closedLoop(first: number, count: number, clients: number): Promise<void> {
    let next = 0;
    const client = async () => {
      while (next < count) {
        const n = first + next;
        next += 1;
        await this.fire(n);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
  }

  /** `count` runs at a fixed rate, each fired on schedule whether or not earlier ones were answered (open loop). */
  async atRate(first: number, count: number, perSecond: number): Promise<void> {
    const begin = performance.now();
    const fired: Promise<void>[] = [];
    for (let index = 0; index < count; index += 1) {
      const wait = begin + (index * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      fired.push(this.fire(first + index));
    }
    await Promise.all(fired);
  }

  close(): void {
    this.agent.destroy();
  }

  private async fire(n: number): Promise<void> {
    try {
      await this.post(n);
    } catch (error) {
      // The api closed a keep-alive connection that sat idle (between phases) just as it was
      // reused: the request never reached the route, so it is sent again on a new one.
      if (!(error instanceof ReusedSocketReset)) throw error;
      await this.post(n);
    }
  }

  private post(n: number): Promise<void> {
    const body = `{"n":${n}}`;
    return new Promise<void>((resolve, reject) => {
      const request = http.request(
        this.url,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode === 202 || response.statusCode === 200) resolve();
            else reject(new Error(`webhook answered ${response.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
          });
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(request.reusedSocket && error.code === 'ECONNRESET' ? new ReusedSocketReset() : error),
      );
      request.end(body);
    });
  }
}

/** ECONNRESET on a kept-alive socket before any answer: the server had closed it while idle. */
class ReusedSocketReset extends Error {}
