/** Samples between collections: a daemon's RSS at one moment includes the garbage of that moment. */
const SAMPLE_EVERY_MS = 200;

export interface RssFloor {
  /** Stops sampling; the lowest RSS each daemon had while it ran, in bytes. */
  stop(): Record<string, number>;
}

/**
 * The lowest RSS of each daemon over a phase of work, sampled every 200 ms: what the
 * daemon keeps between its garbage collections (its live memory and the heap it holds on
 * to), which a single sample mixes with whatever garbage the moment had. `read` answers
 * the daemons' RSS now.
 */
export function sampleRssFloor(read: () => Record<string, number>): RssFloor {
  const floor: Record<string, number> = {};
  const sample = () => {
    for (const [daemon, bytes] of Object.entries(read())) {
      if (bytes > 0) floor[daemon] = Math.min(floor[daemon] ?? bytes, bytes);
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...floor };
    },
  };
}
