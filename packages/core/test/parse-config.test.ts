import { ConfigError, baseConfigSchema, parseConfig } from '../src';

describe('parseConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = parseConfig(baseConfigSchema, { DATABASE_URL: 'postgres://u@h:5432/d', DATABASE_POOL_SIZE: '7' });
    expect(config).toMatchObject({ DATABASE_SCHEMA: 'interflow', DATABASE_POOL_SIZE: 7, LOG_LEVEL: 'info' });
  });

  it('names every bad variable at once and never echoes a secret', () => {
    let caught: unknown;
    try {
      parseConfig(baseConfigSchema, { DATABASE_URL: 'mysql://root:hunter2@h/d', DATABASE_POOL_SIZE: 'many', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^DATABASE_URL:/m);
    expect(problems).toMatch(/^DATABASE_POOL_SIZE:/m);
    expect(problems).toMatch(/^LOG_LEVEL:/m);
    expect(problems).not.toContain('hunter2');
  });

  it('reports a missing required variable as unset', () => {
    expect(() => parseConfig(baseConfigSchema, {})).toThrow(/DATABASE_URL: .*\(unset\)/);
  });
});
