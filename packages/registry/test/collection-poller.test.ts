import { assertValidPoller, polledItems, PolledResponseMismatch, type CollectionPoller } from '../src/integrations/collection-poller';

const snapshot: CollectionPoller = { items: 'data.things', id: 'id', hash: null, snapshot: true };

describe('reading a poller\'s items from a response', () => {
  it('finds items, ids (numbers as strings) and a content hash that follows the content, not the key order', () => {
    const one = polledItems(snapshot, { data: { things: [{ id: 1, title: 'a', tags: { x: 1, y: 2 } }, { id: 'two', title: 'b' }] } });
    expect(one.map((i) => i.fid)).toEqual(['1', 'two']);
    const reordered = polledItems(snapshot, { data: { things: [{ tags: { y: 2, x: 1 }, title: 'a', id: 1 }] } });
    expect(reordered[0]?.nonce).toBe(one[0]?.nonce);
    const edited = polledItems(snapshot, { data: { things: [{ id: 1, title: 'a, edited', tags: { x: 1, y: 2 } }] } });
    expect(edited[0]?.nonce).not.toBe(one[0]?.nonce);
  });

  it('takes the content version from the hash path when given', () => {
    const poller = { ...snapshot, items: '@', hash: 'meta.etag' };
    expect(polledItems(poller, [{ id: 'a', meta: { etag: 'v7' }, title: 'x' }])).toEqual([{ fid: 'a', nonce: 'v7', item: { id: 'a', meta: { etag: 'v7' }, title: 'x' } }]);
    expect(polledItems(poller, [{ id: 'a', meta: { etag: 7 } }])[0]?.nonce).toBe('7');
  });

  it('counts an item repeated in one response once (its first occurrence)', () => {
    const items = polledItems({ ...snapshot, items: '@' }, [{ id: 'a', v: 1 }, { id: 'a', v: 2 }]);
    expect(items).toHaveLength(1);
    expect(items[0]?.item).toEqual({ id: 'a', v: 1 });
  });

  it('refuses a response without the declared shape, naming the path', () => {
    expect(() => polledItems(snapshot, { data: {} })).toThrow(new PolledResponseMismatch("the poller's items path 'data.things' does not lead to an array in the response"));
    expect(() => polledItems(snapshot, { data: { things: [{ id: 'a' }, { name: 'no id' }] } })).toThrow("item 1 has no id at 'id'");
    expect(() => polledItems(snapshot, { data: { things: [{ id: { nested: true } }] } })).toThrow(PolledResponseMismatch);
  });

  it('refuses a path JMESPath cannot read, naming the field', () => {
    expect(() => assertValidPoller({ ...snapshot, id: 'id[' })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'poller.id' })] }));
    expect(() => assertValidPoller(snapshot)).not.toThrow();
  });
});
