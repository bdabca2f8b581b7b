import { nextGroupCommitStep, type GroupCommitLimits, type GroupCommitState, type GroupCommitStep } from '../src/batching/group-commit-step';

const limits: GroupCommitLimits = { maxInFlight: 2, maxBatch: 500 };

const cases: [string, GroupCommitState, GroupCommitStep][] = [
  ['nothing waits: idle', { waiting: 0, inFlight: 0, turnEnded: true }, { kind: 'idle' }],
  ['nothing waits while batches run: idle', { waiting: 0, inFlight: 2, turnEnded: false }, { kind: 'idle' }],
  ['a lone item waits for the end of its turn', { waiting: 1, inFlight: 0, turnEnded: false }, { kind: 'gather' }],
  ['a lone item goes once its turn has ended', { waiting: 1, inFlight: 0, turnEnded: true }, { kind: 'send', count: 1 }],
  ['items of one turn go together once it has ended', { waiting: 8, inFlight: 0, turnEnded: true }, { kind: 'send', count: 8 }],
  ['answered callers of a returned batch are gathered with those waiting', { waiting: 3, inFlight: 1, turnEnded: false }, { kind: 'gather' }],
  ['a second batch may leave while one is in flight', { waiting: 3, inFlight: 1, turnEnded: true }, { kind: 'send', count: 3 }],
  ['with every slot in flight items wait for a batch to return', { waiting: 40, inFlight: 2, turnEnded: true }, { kind: 'full' }],
  ['a full batch does not wait for the turn to end', { waiting: 500, inFlight: 0, turnEnded: false }, { kind: 'send', count: 500 }],
  ['more than a batch: the first maxBatch leave', { waiting: 1_200, inFlight: 1, turnEnded: true }, { kind: 'send', count: 500 }],
];

describe('nextGroupCommitStep', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    expect(nextGroupCommitStep(state, limits)).toEqual(expected);
  });

  it('never sends more than maxBatch nor past maxInFlight', () => {
    for (let waiting = 0; waiting <= 12; waiting++) {
      for (let inFlight = 0; inFlight <= 3; inFlight++) {
        for (const turnEnded of [false, true]) {
          const step = nextGroupCommitStep({ waiting, inFlight, turnEnded }, { maxInFlight: 2, maxBatch: 5 });
          if (step.kind === 'send') {
            expect(step.count).toBeGreaterThan(0);
            expect(step.count).toBeLessThanOrEqual(Math.min(waiting, 5));
            expect(inFlight).toBeLessThan(2);
          }
        }
      }
    }
  });
});
