import type { ConsumerInfo } from '@interflow/broker';
import { moveRefusal } from '../src';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const consumer = (heartbeatAgoMs: number, pid = 7): ConsumerInfo => ({
  id: `c-${pid}-${heartbeatAgoMs}`, queue: 'q', name: 'runner', host: 'box', pid, concurrency: 4, prefetch: 4,
  startedAt: new Date(NOW - 60_000), heartbeatAt: new Date(NOW - heartbeatAgoMs),
});

describe('moveRefusal', () => {
  it.each([
    ['idle brokers', [], 0, 0, null],
    ['a consumer silent for 20 s (dead, not yet pruned)', [consumer(20_000)], 0, 0, null],
    ['a live PostgreSQL consumer', [consumer(1_000)], 0, 0, /1 consumer\(s\) are consuming from the PostgreSQL broker \(box:7\)/],
    ['two live consumers of one process', [consumer(1_000), consumer(2_000)], 0, 0, /2 consumer\(s\) .* \(box:7\)/],
    ['leased messages', [], 3, 0, /3 PostgreSQL message\(s\) are held by consumers/],
    ['a RabbitMQ consumer', [], 0, 2, /2 consumer\(s\) are consuming from RabbitMQ/],
  ])('%s', (_case, postgresConsumers, leasedMessages, rabbitmqConsumers, expected) => {
    const refusal = moveRefusal({ postgresConsumers, leasedMessages, rabbitmqConsumers, now: NOW });
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it('names every reason at once and says what to do', () => {
    expect(moveRefusal({ postgresConsumers: [consumer(0)], leasedMessages: 1, rabbitmqConsumers: 1, now: NOW })).toMatch(/PostgreSQL broker.*; 1 PostgreSQL message.*; 1 consumer.*RabbitMQ\. Stop the runners/);
  });
});
