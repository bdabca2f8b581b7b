/**
 * The V8 heap limit, in MB, each daemon is started with where no container limits its
 * memory (`npm start`, the benchmarks): what Node itself picks inside the container
 * `deploy/kubernetes/base` gives it, half the container's memory limit (a 512 MiB limit
 * gives a 259 MB heap, checked; a test keeps this table and the manifests equal).
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

const EXPLICIT_HEAP_LIMIT = /--max[-_]old[-_]space[-_]size\b/;

/**
 * The node arguments that give a daemon `heapLimitMb` of heap, unless the operator
 * already chose one in `nodeOptions` (NODE_OPTIONS, or the arguments the daemon is
 * started with): a flag on the command line would override theirs.
 */
export function heapLimitNodeArgs(heapLimitMb: number, nodeOptions: string | undefined): string[] {
  if (!Number.isInteger(heapLimitMb) || heapLimitMb <= 0) throw new Error(`a heap limit is a positive number of MB, not ${heapLimitMb}`);
  if (nodeOptions !== undefined && EXPLICIT_HEAP_LIMIT.test(nodeOptions)) return [];
  return [`--max-old-space-size=${heapLimitMb}`];
}
