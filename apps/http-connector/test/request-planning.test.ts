import { operationSchema } from '../src/http-deployment';
import { nextFromLinkHeader, nextPageUrl } from '../src/pagination';
import { fillBody, planRequest } from '../src/request-template';

describe('nextPageUrl', () => {
  const url = new URL('https://api.example/v1/items?limit=2&cursor=a');
  const cases: [string, Parameters<typeof nextPageUrl>[0], { linkHeader?: string | null; body?: unknown }, string | null][] = [
    ['link header, absolute', { kind: 'link_header', max_pages: 5 }, { linkHeader: '<https://api.example/v1/items?page=2>; rel="next"' }, 'https://api.example/v1/items?page=2'],
    ['link header, relative, several rels', { kind: 'link_header', max_pages: 5 }, { linkHeader: '</v1/items?page=9>; rel="last", </v1/items?page=3>; rel="prev next"' }, 'https://api.example/v1/items?page=3'],
    ['link header without next', { kind: 'link_header', max_pages: 5 }, { linkHeader: '<https://api.example/v1/items?page=1>; rel="first"' }, null],
    ['no link header', { kind: 'link_header', max_pages: 5 }, { linkHeader: null }, null],
    ['next url in the body', { kind: 'next_url', next_url_path: 'links.next', max_pages: 5 }, { body: { links: { next: '/v1/items?page=2' } } }, 'https://api.example/v1/items?page=2'],
    ['empty next url', { kind: 'next_url', next_url_path: 'links.next', max_pages: 5 }, { body: { links: { next: '' } } }, null],
    ['cursor replaces the old one, keeps the query', { kind: 'cursor', cursor_path: 'meta.cursor', cursor_param: 'cursor', max_pages: 5 }, { body: { meta: { cursor: 'b' } } }, 'https://api.example/v1/items?limit=2&cursor=b'],
    ['numeric cursor', { kind: 'cursor', cursor_path: 'next', cursor_param: 'after', max_pages: 5 }, { body: { next: 40 } }, 'https://api.example/v1/items?limit=2&cursor=a&after=40'],
    ['null cursor ends', { kind: 'cursor', cursor_path: 'meta.cursor', cursor_param: 'cursor', max_pages: 5 }, { body: { meta: { cursor: null } } }, null],
  ];
  it.each(cases)('%s', (_name, pagination, page, expected) => {
    const next = nextPageUrl(pagination, { url, linkHeader: page.linkHeader ?? null, body: page.body ?? null });
    expect(next?.toString() ?? null).toBe(expected);
  });

  it('reads a next link among unrelated ones', () => {
    expect(nextFromLinkHeader('<a>; rel=prev, <b>; rel=next')).toBe('b');
  });
});

describe('planRequest', () => {
  const operation = (fields: Record<string, unknown>) => operationSchema.parse(fields);

  it('fills the path (encoded), the query (absent fields left out) and headers', () => {
    const planned = planRequest(
      'https://api.example/v2/',
      operation({ path: '/users/{id}/posts', query: { q: '{q}', missing: '{nope}', fixed: 5, label: 'tag-{tag}' }, headers: { 'X-Trace': '{trace}' } }),
      { id: 'a b/c', q: 'x&y', tag: 7, trace: 't1' },
    );
    expect(planned.url.toString()).toBe('https://api.example/v2/users/a%20b%2Fc/posts?q=x%26y&fixed=5&label=tag-7');
    expect(planned.headers).toEqual({ accept: 'application/json', 'x-trace': 't1' });
    expect(planned.body).toBeUndefined();
  });

  it('builds a typed JSON body from the template', () => {
    expect(fillBody({ n: '{n}', flag: '{flag}', nested: { list: ['{a}', '{absent}', 'x-{a}'] }, all: '{input}' }, { n: 3, flag: false, a: 'A' })).toEqual({
      n: 3,
      flag: false,
      nested: { list: ['A', 'x-A'] },
      all: { n: 3, flag: false, a: 'A' },
    });
  });

  it('refuses a missing path parameter, naming it', () => {
    expect(() => planRequest('https://api.example', operation({ path: '/users/{id}' }), {})).toThrow(/no scalar 'id'/);
  });
});
