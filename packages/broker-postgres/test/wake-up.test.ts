import { wakeUpChannel } from '../src/wake-up';

/** Wake-up across processes is a conformance promise; the channel naming is PostgreSQL's own. */
describe('PostgreSQL broker: wake-up channel', () => {
  it('channel names carry the schema and stay valid identifiers', () => {
    expect(wakeUpChannel('abc')).toBe('interflow_mq.abc');
    expect(Buffer.byteLength(wakeUpChannel('s'.repeat(100)))).toBeLessThanOrEqual(63);
    expect(wakeUpChannel('s'.repeat(100))).not.toBe(wakeUpChannel('t'.repeat(100)));
  });
});
