import { pathProblem, queryProblem } from '../src/http/request-line';

describe('pathProblem', () => {
  it.each([
    ['/v1/queues/orders', null],
    ['/v1/queues/caf%C3%A9', null],
    ['/v1/hooks/%ZZ', 'malformed_path'],
    ['/v1/queues/%E0%A4%A', 'malformed_path'],
    ['/v1/queues/%ED%A0%80', 'malformed_path'],
    ['/v1/queues/abc%', 'malformed_path'],
    ['/v1/queues/a%00b', 'validation_failed'],
  ])('%s → %s', (path, code) => {
    const problem = pathProblem(path);
    expect(problem?.code ?? null).toBe(code);
    if (problem) expect(problem.details).toEqual([{ field: 'path', message: expect.stringContaining('segment 3') }]);
  });

  it('does not echo the segment (a webhook path carries its secret)', () => {
    expect(JSON.stringify(pathProblem('/v1/hooks/whk_secret%ZZ'))).not.toContain('whk_secret');
    expect(pathProblem('/v1/hooks/whk_secret%ZZ')?.message).not.toContain('whk_secret');
  });
});

describe('queryProblem', () => {
  it.each([
    ['limit=10&cursor=abc', null, null],
    ['q=a+b&x=%C3%A9&flag', null, null],
    ['', null, null],
    ['cursor=%ZZ', 'malformed_query', 'cursor'],
    ['%ZZ=1', 'malformed_query', 'query'],
    ['status=%FF', 'malformed_query', 'status'],
    ['status=a%00', 'validation_failed', 'status'],
    ['a%00=1', 'validation_failed', 'a\\u0000'],
  ])('%s → %s naming %s', (query, code, field) => {
    const problem = queryProblem(query);
    expect(problem?.code ?? null).toBe(code);
    if (problem) expect(problem.details).toEqual([{ field, message: expect.any(String) }]);
  });
});
