import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';
import { decideAddress, isAllowedHost, type AllowList } from './address-policy';

/** A connection Interflow refused to open: the destination is not allowed. */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';

  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`outbound call to '${host}' refused: ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A DNS lookup that refuses names resolving to a forbidden address. Every address a
 * name resolves to must be allowed (a name answering one public and one private
 * address is refused), so the resolver cannot pick the inward one later.
 */
export function guardedLookup(allow: AllowList) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const verdict = decideAddress(address, allow, hostname);
        if (!verdict.allowed) return callback(new OutboundRefusedError(hostname, verdict.reason) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} resolved to no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

export interface GuardedAgentOptions {
  allow: AllowList;
  /** Longest wait for a TCP (and TLS) connection. */
  connectTimeoutMs?: number;
}

/**
 * An undici dispatcher whose every connection is checked three times: an IP-literal
 * host before connecting, a name at DNS resolution (guardedLookup), and the socket's
 * remote address once connected, which is the address actually reached, so DNS
 * rebinding between a check and the connection cannot slip through. Redirects followed
 * by fetch go through the same dispatcher, so they are checked too.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const { allow } = options;
  const connect = buildConnector({ lookup: guardedLookup(allow), timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect(opts, callback) {
      const host = opts.hostname.replace(/^\[(.*)\]$/, '$1');
      if (net.isIP(host)) {
        const verdict = decideAddress(host, allow);
        if (!verdict.allowed) return callback(new OutboundRefusedError(host, verdict.reason), null);
      }
      connect(opts, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error('no socket'), null);
        const remote = socket.remoteAddress;
        const verdict = remote ? decideAddress(remote, allow, net.isIP(host) ? undefined : host) : null;
        if (!verdict || !verdict.allowed) {
          socket.destroy();
          return callback(new OutboundRefusedError(host, verdict ? verdict.reason : 'the connected address is unknown'), null);
        }
        callback(null, socket);
      });
    },
  });
}

/** The refusal behind a failed fetch, if that is why it failed. */
export function outboundRefusal(error: unknown): OutboundRefusedError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof OutboundRefusedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export { isAllowedHost };
