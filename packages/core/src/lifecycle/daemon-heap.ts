/**
 * The V8 old space, in MB, each daemon is started with where no container limits its
 * memory (`npm start`, the benchmarks): what Node itself picks inside the container
 * `deploy/kubernetes/base` gives it, half the container's memory limit (a 512 MiB limit
 * gives a 256 MB old space, checked; a test keeps this table and the manifests equal).
 * Connectors have no manifest of ours and get the api's size.
 *
 * Without it Node sizes the heap from the whole machine (4 GB on a 24 GB machine), and
 * V8, whose growing factor scales with that limit, lets garbage fill about four times
 * the live heap before it compacts: a daemon's resident memory then grows for minutes
 * with work done, and takes the database's page cache for nothing (decision 65).
 */
export const DAEMON_HEAP_LIMIT_MB = {
  api: 256,
  producer: 192,
  runner: 256,
  connector: 256,
} as const satisfies Record<string, number>;

export type DaemonKind = keyof typeof DAEMON_HEAP_LIMIT_MB;

/**
 * The largest each semi-space of a daemon's young generation may grow to, in MB: V8's own
 * maximum, which Node keeps outside a container. Inside one it derives this from the
 * memory limit too, 1 MB at 512 MiB (even with `--max-old-space-size`), and a scavenge
 * every megabyte allocated catches requests and statements still in flight and promotes
 * them into the old space, to be compacted there: more CPU a run (decision 65).
 */
export const DAEMON_SEMI_SPACE_MB = 16;

const NAMES_OLD_SPACE = /--max[-_]old[-_]space[-_]size\b/;
const NAMES_SEMI_SPACE = /--max[-_]semi[-_]space[-_]size\b/;

/**
 * The node arguments that give a daemon its heap: `heapLimitMb` of old space and
 * semi-spaces of up to `DAEMON_SEMI_SPACE_MB`, each unless the operator already chose it in `nodeOptions`
 * (NODE_OPTIONS, or the arguments the daemon is started with), since a flag on the
 * command line would override theirs.
 */
export function daemonHeapNodeArgs(heapLimitMb: number, nodeOptions: string | undefined): string[] {
  if (!Number.isInteger(heapLimitMb) || heapLimitMb <= 0) throw new Error(`a heap limit is a positive number of MB, not ${heapLimitMb}`);
  const chosen = nodeOptions ?? '';
  return [
    ...(NAMES_OLD_SPACE.test(chosen) ? [] : [`--max-old-space-size=${heapLimitMb}`]),
    ...(NAMES_SEMI_SPACE.test(chosen) ? [] : [`--max-semi-space-size=${DAEMON_SEMI_SPACE_MB}`]),
  ];
}
