import { directDeliveryRoom, type DirectDeliveryState } from '../src/local-delivery';

const waiting: DirectDeliveryState = { running: true, backlogSeen: false, claimsInFlight: 0, backingOff: false, capacity: 80 };

const cases: [string, Partial<DirectDeliveryState>, number][] = [
  ['a consumer whose last claim came back short takes all it has room for', {}, 80],
  ['room is what is left after what it holds and what is promised', { capacity: 3 }, 3],
  ['no room, nothing', { capacity: 0 }, 0],
  ['room counted below zero (a claim came back fuller than promised) is no room', { capacity: -2 }, 0],
  ['a stopping consumer takes nothing', { running: false }, 0],
  ['a consumer whose last claim came back full claims the backlog for itself', { backlogSeen: true }, 0],
  ['a claim of its own in flight may bring older messages: they come first', { claimsInFlight: 16 }, 0],
  ['a consumer backing off after a failed statement takes nothing', { backingOff: true }, 0],
];

describe('directDeliveryRoom', () => {
  it.each(cases)('%s', (_name, change, expected) => {
    expect(directDeliveryRoom({ ...waiting, ...change })).toBe(expected);
  });
});
