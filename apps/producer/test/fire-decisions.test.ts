import { type DueFirePlan, type Schedule } from '@interflow/registry';
import { decideFires } from '../src/fire-decisions';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, 0) + seconds * 1000);

function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    id: 'a4b0c3de-0000-4000-8000-000000000001',
    name: 's',
    description: '',
    enabled: true,
    target: { type: 'exchange', exchange: '', routingKey: 'q', headers: {}, payload: {} },
    rule: { type: 'interval', everyMs: 1000 },
    startAt: null,
    endAt: null,
    jitterMs: 0,
    ttlMs: null,
    priority: null,
    overlapPolicy: 'allow',
    missedFirePolicy: { kind: 'skip' },
    anchorAt: at(0),
    nextFireAt: at(0),
    lastFiredAt: null,
    lastFireMessageIds: [],
    bufferedFireAt: null,
    lastError: null,
    retryAt: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

const plan = (...seconds: number[]): DueFirePlan => ({ fires: seconds.map(at), missed: 0, missedCountIsLowerBound: false, nextFireAt: at(99) });
const outcomes = (result: ReturnType<typeof decideFires>) => result.decisions.map((d) => `${d.fireTime.getUTCSeconds()}:${d.outcome}`);

describe('decideFires', () => {
  it('allow: publishes every fire, finished or not', () => {
    expect(outcomes(decideFires(schedule(), plan(1, 2), true, at(2)))).toEqual(['1:published', '2:published']);
  });

  it('skip: drops fires while the previous is unfinished, and a fire of this pass counts as unfinished', () => {
    const s = schedule({ overlapPolicy: 'skip' });
    expect(outcomes(decideFires(s, plan(1, 2), true, at(2)))).toEqual(['1:skipped_overlap', '2:skipped_overlap']);
    expect(outcomes(decideFires(s, plan(1, 2), false, at(2)))).toEqual(['1:published', '2:skipped_overlap']);
  });

  it('buffer_one: holds one fire back, drops further ones, releases it once the previous finished', () => {
    const s = schedule({ overlapPolicy: 'buffer_one' });
    const held = decideFires(s, plan(1, 2, 3), true, at(3));
    expect(held.bufferedFireAt).toEqual(at(1));
    expect(outcomes(held)).toEqual(['2:skipped_overlap', '3:skipped_overlap']);

    const stillBusy = decideFires({ ...s, bufferedFireAt: at(1) }, plan(4), true, at(4));
    expect(stillBusy.bufferedFireAt).toEqual(at(1));
    expect(outcomes(stillBusy)).toEqual(['4:skipped_overlap']);

    const released = decideFires({ ...s, bufferedFireAt: at(1) }, plan(5), false, at(5));
    expect(outcomes(released)).toEqual(['1:published']);
    expect(released.bufferedFireAt).toEqual(at(5));
  });

  it('records a fire whose TTL ran out before it could be published as expired', () => {
    const s = schedule({ ttlMs: 2000 });
    expect(outcomes(decideFires(s, plan(1, 5), false, at(6)))).toEqual(['1:expired', '5:published']);
  });

  it('delays the start of a fire by its jitter, the same on every call', () => {
    const s = schedule({ jitterMs: 5000 });
    const first = decideFires(s, plan(1), false, at(1)).decisions[0];
    const again = decideFires(s, plan(1), false, at(1)).decisions[0];
    expect(first?.startAt.getTime()).toBe(again?.startAt.getTime());
    const delay = (first?.startAt.getTime() ?? 0) - at(1).getTime();
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(5000);
  });
});
