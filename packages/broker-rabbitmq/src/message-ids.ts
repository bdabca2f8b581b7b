import crypto from 'node:crypto';

const EPOCH_MS = 1_700_000_000_000n;
/** The top bit of a 63-bit id: set on the ids of plain publishes, which the tracked-messages ledger never sees. */
const PLAIN_PUBLISH_MARK = 1n << 62n;

/** Whom an id is issued for: a plain publish, or a publish within a transaction (tracked by the ledger). */
export type MessageIdKind = 'plain' | 'tracked';

/**
 * Message ids as decimal strings of 63-bit numbers: the plain-publish mark (1 bit),
 * milliseconds since 2023-11 (40 bits, until 2058), a random node number per broker
 * instance (10 bits) and a sequence (12 bits). Ids of one instance and kind increase
 * strictly, as the PostgreSQL broker's do; ids of different instances are unique (up to a
 * node-number collision among the instances publishing in the same millisecond) and
 * roughly ordered by time within a kind.
 */
export class MessageIds {
  private readonly node = BigInt(crypto.randomInt(0, 1024));
  private readonly mark: bigint;
  private lastMs = 0n;
  private sequence = 0n;

  constructor(kind: MessageIdKind) {
    this.mark = kind === 'plain' ? PLAIN_PUBLISH_MARK : 0n;
  }

  next(): string {
    let now = BigInt(Date.now()) - EPOCH_MS;
    if (now <= this.lastMs) {
      now = this.lastMs;
      this.sequence++;
      if (this.sequence >= 4096n) {
        now++;
        this.sequence = 0n;
      }
    } else {
      this.sequence = 0n;
    }
    this.lastMs = now;
    return (this.mark | (now << 22n) | (this.node << 12n) | this.sequence).toString();
  }
}

/**
 * Whether `id` was issued for a plain publish (it carries the mark). Any other id, a
 * tracked one, another broker's or one never issued, is not: the ledger alone answers for it.
 */
export function isPlainPublishId(id: string): boolean {
  if (!/^\d{1,19}$/.test(id)) return false;
  const value = BigInt(id);
  return value < 1n << 63n && (value & PLAIN_PUBLISH_MARK) !== 0n;
}
