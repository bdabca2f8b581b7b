import { paginateByKey } from '../src/http/paginate-by-key';

describe('paginateByKey', () => {
  const names = ['queue-b', 'queue-c', 'queue-a'].map((name) => ({ name }));

  it('pages through items in key order and ends with a null cursor', () => {
    const first = paginateByKey(names, (item) => item.name, { limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['queue-a', 'queue-b']);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = paginateByKey(names, (item) => item.name, { limit: 2, cursor: first.next_cursor ?? undefined });
    expect(second).toEqual({ items: [{ name: 'queue-c' }], next_cursor: null });
  });

  it('keeps its place when the item the cursor names was removed', () => {
    const first = paginateByKey(names, (item) => item.name, { limit: 1 });
    const withoutFirst = names.filter((item) => item.name !== 'queue-a');
    const next = paginateByKey(withoutFirst, (item) => item.name, { limit: 1, cursor: first.next_cursor ?? undefined });
    expect(next.items).toEqual([{ name: 'queue-b' }]);
  });

  it('orders decimal ids by value when asked', () => {
    const ids = ['10', '9', '100', '2'].map((id) => ({ id }));
    const page = paginateByKey(ids, (item) => item.id, { limit: 10 }, 'numeric');
    expect(page.items.map((item) => item.id)).toEqual(['2', '9', '10', '100']);
  });

  it('refuses a cursor it did not produce, naming the field', () => {
    expect(() => paginateByKey(names, (item) => item.name, { limit: 2, cursor: 'not-a-cursor' })).toThrow(
      expect.objectContaining({ code: 'validation_failed', details: [{ field: 'cursor', message: expect.stringContaining('next_cursor') }] }),
    );
  });
});
