import crypto from 'node:crypto';

const EPOCH_MS = 1_700_000_000_000n;

/**
 * Message ids as decimal strings of 63-bit numbers: milliseconds since 2023-11 (41 bits),
 * a random node number per broker instance (10 bits) and a sequence (12 bits). Ids of one
 * instance increase strictly, as the PostgreSQL broker's do; ids of different instances
 * are unique (up to a node-number collision among the instances publishing in the same
 * millisecond) and roughly ordered by time.
 */
export class MessageIds {
  private readonly node = BigInt(crypto.randomInt(0, 1024));
  private lastMs = 0n;
  private sequence = 0n;

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
    return ((now << 22n) | (this.node << 12n) | this.sequence).toString();
  }
}
