import { createTestApi, type TestApi } from './test-api';

type AuthHeader = { Authorization: string };

export interface ApiWithRoles {
  api: TestApi;
  operator: AuthHeader;
  viewer: AuthHeader;
}

/**
 * For a test file: a test api (its own schema) built before the tests and closed after
 * them, with an operator and a viewer token. The fields are filled in by `beforeAll`.
 */
export function useApiWithRoles(): ApiWithRoles {
  const roles = {} as ApiWithRoles;
  beforeAll(async () => {
    roles.api = await createTestApi();
    roles.operator = roles.api.auth(await roles.api.mintToken('operator'));
    roles.viewer = roles.api.auth(await roles.api.mintToken('viewer'));
  });
  afterAll(async () => {
    await roles.api?.close();
  });
  return roles;
}
