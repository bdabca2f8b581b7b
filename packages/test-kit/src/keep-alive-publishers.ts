import http from 'node:http';

/** One answer a publisher got (or the error instead of one). */
export interface PublishOutcome {
  status: number | null;
  /** The answer said `Connection: close`: the server ends this connection after it. */
  closing: boolean;
  /** Sent after the test sent SIGTERM. */
  afterSignal: boolean;
  error?: string;
}

export interface KeepAlivePublishers {
  /** Per publisher, every outcome in order. */
  outcomes: PublishOutcome[][];
  confirmed(): number;
  /** Marks the moment SIGTERM is sent (outcomes of requests sent later say so). */
  signalSent(): void;
  /** Resolves when every publisher has stopped (each stops at its first transport error). */
  stopped: Promise<void>;
  stop(): void;
}

/**
 * Clients publishing to a queue back to back, each on its own keep-alive connection:
 * the load under which a SIGTERM must still end the api within its grace period.
 */
export function startKeepAlivePublishers(options: { apiUrl: string; token: string; queue: string; clients: number }): KeepAlivePublishers {
  const url = new URL(`/v1/queues/${options.queue}/publish`, options.apiUrl);
  const body = JSON.stringify({ payload: { keep: 'alive' } });
  const outcomes: PublishOutcome[][] = [];
  let signalled = false;
  let stopping = false;

  const publishOnce = (agent: http.Agent): Promise<PublishOutcome> =>
    new Promise((resolve) => {
      const afterSignal = signalled;
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? null, closing: response.headers.connection === 'close', afterSignal }),
          );
          response.on('error', (error) => resolve({ status: null, closing: false, afterSignal, error: error.message }));
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ status: null, closing: false, afterSignal, error: error.code ?? error.message }),
      );
      request.end(body);
    });

  const loops = Array.from({ length: options.clients }, async (_, index) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const mine: PublishOutcome[] = [];
    outcomes[index] = mine;
    try {
      while (!stopping) {
        const outcome = await publishOnce(agent);
        mine.push(outcome);
        if (outcome.error) return;
      }
    } finally {
      agent.destroy();
    }
  });

  return {
    outcomes,
    confirmed: () => outcomes.flat().filter((o) => o.status === 201).length,
    signalSent: () => {
      signalled = true;
    },
    stopped: Promise.all(loops).then(() => undefined),
    stop: () => {
      stopping = true;
    },
  };
}

/**
 * What a drained shutdown looks like from each client: once an answer said
 * `Connection: close`, no later publish was confirmed; and every client saw its
 * connection end (an answer with `Connection: close`, or a refused connection).
 */
export function confirmsAfterClose(outcomes: PublishOutcome[]): number {
  const closedAt = outcomes.findIndex((o) => o.closing);
  if (closedAt < 0) return 0;
  return outcomes.slice(closedAt + 1).filter((o) => o.status === 201).length;
}
