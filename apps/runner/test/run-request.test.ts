import { mergeInput } from '../src/run-request';

/** The contract itself (parse, sign, verify, subscriptions) is tested in packages/core/test/run-request.test.ts. */
describe('run input', () => {
  it('merges the message input over the defaults', () => {
    expect(mergeInput({ limit: 10, region: 'eu' }, { limit: 5 })).toEqual({ limit: 5, region: 'eu' });
  });
});
