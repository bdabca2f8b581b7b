/**
 * Reads one histogram from a Prometheus text exposition and estimates a quantile the
 * way PromQL's `histogram_quantile` does: linear interpolation inside the bucket that
 * holds the rank.
 */
export interface HistogramBuckets {
  /** Upper bounds, ascending (the last is +Inf), with cumulative counts. */
  buckets: { le: number; count: number }[];
  count: number;
}

export function parseHistogram(text: string, name: string): HistogramBuckets {
  const buckets: { le: number; count: number }[] = [];
  const pattern = new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\S+)$`);
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (match?.[1] && match[2]) buckets.push({ le: match[1] === '+Inf' ? Infinity : Number(match[1]), count: Number(match[2]) });
  }
  buckets.sort((a, b) => a.le - b.le);
  return { buckets, count: buckets[buckets.length - 1]?.count ?? 0 };
}

export function histogramQuantile(histogram: HistogramBuckets, quantile: number): number {
  const rank = quantile * histogram.count;
  let previous = { le: 0, count: 0 };
  for (const bucket of histogram.buckets) {
    if (bucket.count >= rank) {
      // the +Inf bucket has no upper bound: answer the highest finite one
      if (!Number.isFinite(bucket.le)) return previous.le;
      const inBucket = bucket.count - previous.count;
      const fraction = inBucket === 0 ? 1 : (rank - previous.count) / inBucket;
      return previous.le + (bucket.le - previous.le) * fraction;
    }
    previous = bucket;
  }
  return previous.le;
}
