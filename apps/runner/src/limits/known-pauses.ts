import { notifyChannel, type Logger, type Sql } from '@interflow/core';
import { activePauses, pauseDeployment } from './deployment-pause';

/** The pauses' NOTIFY topic (the channel is per schema). */
const PAUSES_TOPIC = 'interflow_pauses';
/** Every active pause is read again this often, for a LISTEN connection that died without a word. */
export const PAUSES_RELOAD_MS = 1000;

/**
 * The deployments' pauses (a connector's "come back later") as this runner knows them,
 * kept in memory, so a call checks its deployment's pause without a statement. Pauses are
 * few and rare, calls many: a pause is pushed to every runner, not read by every call.
 *
 * `pause` records one in the database, whose statement NOTIFYs every runner as it
 * commits; each runner LISTENs, and loads every active pause when it starts listening,
 * whenever its LISTEN connection comes back (notifications sent while it was away are
 * lost), and every PAUSES_RELOAD_MS (a connection that died silently is not known to be
 * gone). A runner therefore learns of another's pause as soon as the notification
 * arrives, a few ms after the commit, and within about a second when notifications are
 * not arriving; a call that took a concurrency slot reads the pause with its slot
 * (`heard`), since it must see the pause its slot's last holder recorded. Times are kept
 * on this process's monotonic clock, from the ms left that the database computed on its
 * own clock, so runners with skewed clocks agree. A longer pause is never shortened by a
 * shorter one, as in the table.
 */
export class KnownPauses {
  /** Deployment id → until when it is paused (this process's monotonic clock, ms). */
  private readonly until = new Map<string, number>();
  private readonly channel: string;
  private listening: { unlisten(): Promise<void> } | null = null;
  /** After the first load: a LISTEN connection that comes back loads the active pauses again. */
  private reloadWhenRelistening = false;
  private reloads: NodeJS.Timeout | null = null;

  constructor(
    private readonly sql: Sql,
    schema: string,
    private readonly logger: Logger,
  ) {
    this.channel = notifyChannel(PAUSES_TOPIC, schema);
  }

  /** Listens, then reads every pause active now (in that order, so none falls between); throws when it cannot. */
  async start(): Promise<void> {
    this.listening ??= await this.sql.listen(
      this.channel,
      (payload) => this.onNotification(payload),
      () => {
        if (this.reloadWhenRelistening) void this.reloadActive('warn');
      },
    );
    this.learn(await activePauses(this.sql));
    this.reloadWhenRelistening = true;
    this.reloads ??= setInterval(() => void this.reloadActive('debug'), PAUSES_RELOAD_MS).unref();
  }

  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    this.reloadWhenRelistening = false;
    if (this.reloads) clearInterval(this.reloads);
    this.reloads = null;
    await listening?.unlisten().catch(() => undefined);
  }

  /** How long calls to the deployment must still wait, in ms (0: not paused). */
  leftMs(deploymentId: string): number {
    const until = this.until.get(deploymentId);
    if (until === undefined) return 0;
    const left = until - performance.now();
    if (left > 0) return Math.ceil(left);
    this.until.delete(deploymentId);
    return 0;
  }

  /** Holds every runner off the deployment for `ms` (this one at once, the others when the notification arrives). */
  async pause(deploymentId: string, ms: number): Promise<void> {
    if (ms <= 0) return;
    this.heard(deploymentId, await pauseDeployment(this.sql, this.channel, deploymentId, ms));
  }

  /** A pause read elsewhere (with a call slot): `leftMs` from now, unless a longer one is known. */
  heard(deploymentId: string, leftMs: number): void {
    if (leftMs <= 0) return;
    const until = performance.now() + leftMs;
    if (until > (this.until.get(deploymentId) ?? 0)) this.until.set(deploymentId, until);
  }

  /** Payload: `<ms left> <deployment id>`. */
  private onNotification(payload: string): void {
    const space = payload.indexOf(' ');
    const leftMs = Number(payload.slice(0, space));
    if (space < 0 || !Number.isFinite(leftMs)) return;
    this.heard(payload.slice(space + 1), leftMs);
  }

  private learn(pauses: { deploymentId: string; leftMs: number }[]): void {
    for (const pause of pauses) this.heard(pause.deploymentId, pause.leftMs);
  }

  private async reloadActive(level: 'warn' | 'debug'): Promise<void> {
    try {
      this.learn(await activePauses(this.sql));
    } catch (error) {
      // The notifications still arrive, and the next reload tries again.
      this.logger[level]('could not read the deployments\' active pauses', { error });
    }
  }
}
