import { ConfigError } from '@interflow/core';
import { parseBrokerMoveArguments } from '../src/broker-move-arguments';

describe('npm run broker:move arguments', () => {
  it.each([
    [['--to', 'rabbitmq'], { to: 'rabbitmq', batchSize: 500 }],
    [['--to=postgres'], { to: 'postgres', batchSize: 500 }],
    [['--to', 'rabbitmq', '--batch-size', '250'], { to: 'rabbitmq', batchSize: 250 }],
    [['--batch-size=1', '--to', 'postgres'], { to: 'postgres', batchSize: 1 }],
  ])('%j', (argv, expected) => {
    expect(parseBrokerMoveArguments(argv)).toEqual(expected);
  });

  it.each([
    [[], /--to: expected rabbitmq or postgres \(got ''\)/],
    [['--to', 'kafka'], /--to: expected rabbitmq or postgres \(got 'kafka'\)/],
    [['--to', 'rabbitmq', '--batch-size', '0'], /--batch-size: expected a whole number from 1 to 10000 \(got '0'\)/],
    [['--to', 'rabbitmq', '--batch-size', 'many'], /--batch-size: .*got 'many'/],
    [['--to', 'rabbitmq', '--force'], /--force: unknown option/],
  ])('refuses %j with the usage', (argv, problem) => {
    let thrown: unknown;
    try {
      parseBrokerMoveArguments(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String((thrown as ConfigError).message)).toMatch(problem);
    expect(String((thrown as ConfigError).message)).toMatch(/usage: npm run broker:move -- --to rabbitmq\|postgres/);
  });
});
