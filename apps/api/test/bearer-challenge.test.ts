import { bearerChallenge } from '../src/http/bearer-challenge';

describe('bearerChallenge', () => {
  it.each([
    [undefined, undefined, 'Bearer realm="interflow"'],
    ['invalid_token', 'the token expired', 'Bearer realm="interflow", error="invalid_token", error_description="the token expired"'],
    ['invalid_request', 'must be "Bearer <token>"', `Bearer realm="interflow", error="invalid_request", error_description="must be 'Bearer <token>'"`],
    ['invalid_token', 'back\\slash é', `Bearer realm="interflow", error="invalid_token", error_description="back'slash ?"`],
  ] as const)('%s / %s', (error, description, expected) => {
    expect(bearerChallenge(error, description)).toBe(expected);
  });
});
