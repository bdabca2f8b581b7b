import { withHeartbeat } from '../src/amqp-connection';

describe('withHeartbeat', () => {
  it.each([
    ['amqp://guest:guest@127.0.0.1:5672', 'amqp://guest:guest@127.0.0.1:5672?heartbeat=10'],
    ['amqp://u:p@host/vhost?frameMax=8192', 'amqp://u:p@host/vhost?frameMax=8192&heartbeat=10'],
    // the operator's own heartbeat wins
    ['amqp://host?heartbeat=30', 'amqp://host?heartbeat=30'],
    ['amqp://host?frameMax=8192&heartbeat=0', 'amqp://host?frameMax=8192&heartbeat=0'],
    // a password that merely contains the word is not a heartbeat
    ['amqp://u:heartbeat=5@host', 'amqp://u:heartbeat=5@host?heartbeat=10'],
  ])('%s → %s', (url, expected) => {
    expect(withHeartbeat(url, 10)).toBe(expected);
  });
});
