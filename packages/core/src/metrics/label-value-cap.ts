/** The label value that stands for every value past the cap, and for values that cannot be labels. */
export const OTHER_LABEL_VALUE = '_other';

const MAX_LABEL_LENGTH = 100;
const LABEL_VALUE = /^[A-Za-z0-9_.:\-/ ]+$/;

/**
 * Keeps a metric label whose values come from users (action, service, queue names)
 * bounded: the first `limit` distinct values are kept as they are, every later one (and
 * any value too long or with unusual characters) becomes `_other`. A Prometheus series
 * per value costs memory on both sides, so an installation with a runaway number of
 * names degrades to one aggregate series instead of an unbounded scrape.
 */
export class LabelValueCap {
  private readonly admitted = new Set<string>();

  constructor(private readonly limit: number) {}

  valueFor(raw: string): string {
    if (this.admitted.has(raw)) return raw;
    if (!isPlainLabelValue(raw) || this.admitted.size >= this.limit) return OTHER_LABEL_VALUE;
    this.admitted.add(raw);
    return raw;
  }
}

/** Short printable names only: no control characters, quotes, or text long enough to carry data. */
export function isPlainLabelValue(value: string): boolean {
  return value.length > 0 && value.length <= MAX_LABEL_LENGTH && value !== OTHER_LABEL_VALUE && LABEL_VALUE.test(value);
}
