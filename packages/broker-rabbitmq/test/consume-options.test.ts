import { ValidationError } from '@interflow/core';
import { consumerSettings } from '../src/consume-options';

describe('consumerSettings', () => {
  it.each([
    { options: {}, expected: { concurrency: 1, prefetch: 1, leaseMs: null, consumerName: 'default' } },
    { options: { concurrency: 16 }, expected: { concurrency: 16, prefetch: 16, leaseMs: null, consumerName: 'default' } },
    { options: { concurrency: 16, prefetch: 0 }, expected: { concurrency: 16, prefetch: 0, leaseMs: null, consumerName: 'default' } },
    { options: { concurrency: 4, prefetch: 256, leaseMs: 500, consumerName: 'bench' }, expected: { concurrency: 4, prefetch: 256, leaseMs: 500, consumerName: 'bench' } },
  ])('defaults $options', ({ options, expected }) => {
    expect(consumerSettings(options, 'default')).toEqual(expected);
  });

  it.each([
    { options: { concurrency: 0 }, field: 'concurrency' },
    { options: { concurrency: 1.5 }, field: 'concurrency' },
    { options: { prefetch: -1 }, field: 'prefetch' },
    { options: { prefetch: 2.5 }, field: 'prefetch' },
  ])('refuses $options naming $field', ({ options, field }) => {
    let caught: unknown;
    try {
      consumerSettings(options, 'default');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).message).toContain(field);
  });
});
