import { fireAtOrAfter, nextFireTimes, validateScheduleTiming, type ScheduleRule, type ScheduleTiming } from '../src';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const open = { startAt: null, endAt: null };
const cron = (expression: string, timezone = 'UTC'): ScheduleTiming => ({ rule: { kind: 'cron', expression, timezone }, window: open });

describe('nextFireTimes: cron', () => {
  it('honours a seconds field', () => {
    expect(iso(nextFireTimes(cron('*/15 * * * * *'), new Date('2026-01-05T10:00:07Z'), 3))).toEqual([
      '2026-01-05T10:00:15.000Z',
      '2026-01-05T10:00:30.000Z',
      '2026-01-05T10:00:45.000Z',
    ]);
  });

  it('reads five fields as minutes, and includes a fire exactly at the start instant', () => {
    expect(iso(nextFireTimes(cron('*/20 * * * *'), new Date('2026-01-05T10:20:00Z'), 2))).toEqual([
      '2026-01-05T10:20:00.000Z',
      '2026-01-05T10:40:00.000Z',
    ]);
  });

  it('does not return a whole second before a sub-second start instant', () => {
    expect(fireAtOrAfter(cron('* * * * * *'), new Date('2026-01-05T10:00:00.400Z'))?.toISOString()).toBe('2026-01-05T10:00:01.000Z');
  });

  it('reads wall-clock time in the time zone, following its offset through the year', () => {
    const nineInBerlin = cron('0 9 * * *', 'Europe/Berlin');
    expect(iso(nextFireTimes(nineInBerlin, new Date('2026-01-10T00:00:00Z'), 1))).toEqual(['2026-01-10T08:00:00.000Z']);
    expect(iso(nextFireTimes(nineInBerlin, new Date('2026-07-10T00:00:00Z'), 1))).toEqual(['2026-07-10T07:00:00.000Z']);
    expect(iso(nextFireTimes(cron('0 9 * * *', 'America/New_York'), new Date('2026-01-10T00:00:00Z'), 1))).toEqual([
      '2026-01-10T14:00:00.000Z',
    ]);
  });
});

describe('nextFireTimes: daylight saving (Europe/Berlin, 2026)', () => {
  // Spring forward: 2026-03-29 02:00 CET becomes 03:00 CEST (02:xx does not exist).
  // Fall back: 2026-10-25 03:00 CEST becomes 02:00 CET (02:xx happens twice).
  it('fires a fixed time that does not exist once, at the first valid instant after the gap', () => {
    expect(iso(nextFireTimes(cron('30 2 * * *', 'Europe/Berlin'), new Date('2026-03-28T00:00:00Z'), 3))).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST: the gap's end
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('fires a fixed time that happens twice once, at its first occurrence', () => {
    expect(iso(nextFireTimes(cron('30 2 * * *', 'Europe/Berlin'), new Date('2026-10-24T00:00:00Z'), 3))).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 CEST, the first of the two
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ]);
  });

  it('skips the times of a repeating rule that fall in the gap', () => {
    expect(iso(nextFireTimes(cron('0 */30 2 * * *', 'Europe/Berlin'), new Date('2026-03-29T00:00:00Z'), 2))).toEqual([
      '2026-03-30T00:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('runs a repeating rule through both passes of the repeated hour', () => {
    expect(iso(nextFireTimes(cron('0 */30 2 * * *', 'Europe/Berlin'), new Date('2026-10-24T23:59:00Z'), 5))).toEqual([
      '2026-10-25T00:00:00.000Z', // 02:00 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T01:00:00.000Z', // 02:00 CET
      '2026-10-25T01:30:00.000Z', // 02:30 CET
      '2026-10-26T01:00:00.000Z', // next day, 02:00 CET
    ]);
  });

  it('keeps a per-second rule at one fire per real second across the fall-back hour', () => {
    const fires = nextFireTimes(cron('* * * * * *', 'Europe/Berlin'), new Date('2026-10-25T00:59:58Z'), 4);
    expect(iso(fires)).toEqual(['2026-10-25T00:59:58.000Z', '2026-10-25T00:59:59.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T01:00:01.000Z']);
  });
});

describe('nextFireTimes: interval, one instant, window', () => {
  const interval = (everyMs: number, anchorAt: string): ScheduleRule => ({ kind: 'interval', everyMs, anchorAt: new Date(anchorAt) });

  it('counts an interval from its anchor', () => {
    const timing = { rule: interval(90_000, '2026-01-05T10:00:00Z'), window: open };
    expect(iso(nextFireTimes(timing, new Date('2026-01-05T09:00:00Z'), 2))).toEqual(['2026-01-05T10:00:00.000Z', '2026-01-05T10:01:30.000Z']);
    expect(iso(nextFireTimes(timing, new Date('2026-01-05T10:02:00Z'), 2))).toEqual(['2026-01-05T10:03:00.000Z', '2026-01-05T10:04:30.000Z']);
  });

  it('fires a one-shot rule once, and never when its instant has passed', () => {
    const timing: ScheduleTiming = { rule: { kind: 'once', at: new Date('2026-02-01T12:00:00Z') }, window: open };
    expect(iso(nextFireTimes(timing, new Date('2026-01-01T00:00:00Z'), 5))).toEqual(['2026-02-01T12:00:00.000Z']);
    expect(nextFireTimes(timing, new Date('2026-02-01T12:00:00.001Z'), 5)).toEqual([]);
  });

  it('fires only at or after start_at and strictly before end_at', () => {
    const timing: ScheduleTiming = {
      rule: { kind: 'cron', expression: '* * * * * *', timezone: 'UTC' },
      window: { startAt: new Date('2026-01-05T10:00:10Z'), endAt: new Date('2026-01-05T10:00:13Z') },
    };
    expect(iso(nextFireTimes(timing, new Date('2026-01-05T10:00:00Z'), 10))).toEqual([
      '2026-01-05T10:00:10.000Z',
      '2026-01-05T10:00:11.000Z',
      '2026-01-05T10:00:12.000Z',
    ]);
    const once: ScheduleTiming = { rule: { kind: 'once', at: new Date('2026-01-05T10:00:20Z') }, window: timing.window };
    expect(nextFireTimes(once, new Date('2026-01-05T10:00:00Z'), 1)).toEqual([]);
  });
});

describe('validateScheduleTiming', () => {
  it('names the field of each problem', () => {
    expect(validateScheduleTiming(cron('* * * * *', 'Mars/Olympus'))).toEqual([{ field: 'rule.timezone', message: expect.stringContaining('Mars/Olympus') }]);
    expect(validateScheduleTiming(cron('61 * * * *'))).toEqual([{ field: 'rule.expression', message: expect.any(String) }]);
    expect(validateScheduleTiming({ rule: { kind: 'interval', everyMs: 10, anchorAt: new Date() }, window: open })).toEqual([
      { field: 'rule.every_ms', message: expect.any(String) },
    ]);
    const window = { startAt: new Date('2026-01-02T00:00:00Z'), endAt: new Date('2026-01-01T00:00:00Z') };
    expect(validateScheduleTiming({ rule: cron('* * * * *').rule, window })).toEqual([{ field: 'end_at', message: 'must be after start_at' }]);
    expect(validateScheduleTiming(cron('0 30 2 * * *', 'Europe/Berlin'))).toEqual([]);
  });
});
