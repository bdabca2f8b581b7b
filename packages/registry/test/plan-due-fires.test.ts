import { fireJitterMs, planDueFires, type MissedFirePolicy, type ScheduleTiming } from '../src';

const everySecond: ScheduleTiming = { rule: { kind: 'cron', expression: '* * * * * *', timezone: 'UTC' }, window: { startAt: null, endAt: null } };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, 0) + seconds * 1000);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function plan(policy: MissedFirePolicy, nextFireAt = at(0), now = at(100), maxFires = 1000, maxMissedScan = 10_000) {
  return planDueFires({ timing: everySecond, nextFireAt, now, graceMs: 5000, policy, maxFires, maxMissedScan });
}

describe('planDueFires', () => {
  it('publishes every fire due within the grace, and nothing early', () => {
    const result = plan({ kind: 'skip' }, at(97), at(99.5));
    expect(iso(result.fires)).toEqual(iso([at(97), at(98), at(99)]));
    expect(result).toMatchObject({ missed: 0, nextFireAt: at(100) });
  });

  it('skip: drops fires older than the grace and counts them as missed', () => {
    const result = plan({ kind: 'skip' });
    // due 0..94 are missed (before now - 5 s = 95), 95..100 are on time
    expect(result.missed).toBe(95);
    expect(iso(result.fires)).toEqual(iso([95, 96, 97, 98, 99, 100].map(at)));
    expect(result.nextFireAt).toEqual(at(101));
  });

  it('run_once: publishes the latest missed fire only', () => {
    const result = plan({ kind: 'run_once' });
    expect(result.missed).toBe(94);
    expect(iso(result.fires)).toEqual(iso([94, 95, 96, 97, 98, 99, 100].map(at)));
  });

  it('backfill: publishes the latest `limit` missed fires, oldest first', () => {
    const result = plan({ kind: 'backfill', limit: 3 });
    expect(result.missed).toBe(92);
    expect(iso(result.fires)).toEqual(iso([92, 93, 94, 95, 96, 97, 98, 99, 100].map(at)));
  });

  it('leaves fires beyond maxFires due for the next pass', () => {
    const result = plan({ kind: 'backfill', limit: 10 }, at(0), at(100), 4);
    expect(iso(result.fires)).toEqual(iso([85, 86, 87, 88].map(at)));
    expect(result.nextFireAt).toEqual(at(89));
    const second = plan({ kind: 'skip' }, at(97), at(100), 2);
    expect(iso(second.fires)).toEqual(iso([at(97), at(98)]));
    expect(second.nextFireAt).toEqual(at(99));
  });

  it('stops counting after maxMissedScan and jumps to the on-time fires', () => {
    const result = plan({ kind: 'skip' }, at(0), at(100), 1000, 10);
    expect(result).toMatchObject({ missed: 10, missedCountIsLowerBound: true });
    expect(result.fires[0]).toEqual(at(95));
  });

  it('ends with no next fire when the schedule is over', () => {
    const once: ScheduleTiming = { rule: { kind: 'once', at: at(50) }, window: { startAt: null, endAt: null } };
    const result = planDueFires({ timing: once, nextFireAt: at(50), now: at(51), graceMs: 5000, policy: { kind: 'skip' }, maxFires: 10, maxMissedScan: 10 });
    expect(result).toEqual({ fires: [at(50)], missed: 0, missedCountIsLowerBound: false, nextFireAt: null });
  });
});

describe('fireJitterMs', () => {
  it('is the same for the same fire, within [0, jitter], and spreads different fires', () => {
    const values = Array.from({ length: 50 }, (_, i) => fireJitterMs('s1', at(i), 1000));
    expect(fireJitterMs('s1', at(3), 1000)).toBe(values[3]);
    expect(values.every((v) => v >= 0 && v <= 1000)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(25);
    expect(fireJitterMs('s1', at(3), 0)).toBe(0);
  });
});
