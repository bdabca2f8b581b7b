import { parseDuration } from '../src/notify/duration';
import { UsageError } from '../src/usage-error';

describe('parseDuration', () => {
  it.each([
    ['1500', 1500],
    ['500ms', 500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
    [' 30s ', 30_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text, '--remind-after')).toBe(ms);
  });

  it.each(['', 'soon', '15 minutes', '-5m', '1w', 'm'])('refuses %j, naming the option', (text) => {
    expect(() => parseDuration(text, '--escalate-after')).toThrow(UsageError);
    expect(() => parseDuration(text, '--escalate-after')).toThrow(`--escalate-after ${text}: expected a duration`);
  });
});
