import { z } from 'zod';
import { danglingRefs, SchemaComponents } from '../src/openapi/schema-components';

const converted = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return rest;
};

describe('SchemaComponents.hoist', () => {
  it('moves a recursive schema to the components and points every reference at it', () => {
    const components = new SchemaComponents();
    const body = components.hoist(converted(z.object({ input: z.json(), payload: z.json() })));
    const names = Object.keys(components.all());
    expect(names).toHaveLength(1);
    const document = { components: { schemas: components.all() }, paths: { '/x': { post: { schema: body } } } };
    expect(JSON.stringify(document)).not.toContain('$defs');
    expect(danglingRefs(document)).toEqual([]);
    expect(JSON.stringify(body)).toContain(`#/components/schemas/${names[0]}`);
  });

  it('gives the same definition found under different operations one name', () => {
    const components = new SchemaComponents();
    components.hoist(converted(z.object({ a: z.json() })));
    components.hoist(converted(z.object({ b: z.string(), c: z.array(z.json()) })));
    expect(Object.keys(components.all())).toHaveLength(1);
  });

  it('keeps an id given with .meta, and refuses two different schemas under one name', () => {
    const components = new SchemaComponents();
    const first = z.object({ x: z.string() }).meta({ id: 'Thing' });
    components.hoist(converted(z.object({ a: first, b: first })));
    expect(Object.keys(components.all())).toEqual(['Thing']);
    const other = z.object({ y: z.number() }).meta({ id: 'Thing' });
    expect(() => components.hoist(converted(z.object({ a: other, b: other })))).toThrow(/two different schemas are both named Thing/);
    z.globalRegistry.remove(first).remove(other);
  });
});

describe('danglingRefs', () => {
  it.each([
    [{ a: { $ref: '#/b' }, b: {} }, []],
    [{ a: { $ref: '#/$defs/__schema0' } }, ['#/$defs/__schema0']],
    [{ a: [{ $ref: '#/c/d' }], c: { d: 1 } }, []],
    [{ a: { $ref: '#/c/e~1f' }, c: { 'e/f': 1 } }, []],
    [{ a: { $ref: 'https://elsewhere.example/x' } }, ['https://elsewhere.example/x']],
  ])('%j → %j', (document, expected) => {
    expect(danglingRefs(document)).toEqual(expected);
  });
});

describe('SchemaComponents: well-known shapes and bare recursive schemas', () => {
  it('names a well-known shape readably, and turns a bare recursive schema into a reference', () => {
    const components = new SchemaComponents({}, { JsonValue: converted(z.json()) });
    expect(components.hoist(converted(z.json()))).toEqual({ $ref: '#/components/schemas/JsonValue' });
    const body = components.hoist(converted(z.object({ payload: z.json() })));
    expect(body.properties).toEqual({ payload: { $ref: '#/components/schemas/JsonValue' } });
    expect(Object.keys(components.all())).toEqual(['JsonValue']);
    expect(danglingRefs({ components: { schemas: components.all() }, body })).toEqual([]);
  });

  it('counts a reference to the whole document as dangling', () => {
    expect(danglingRefs({ a: { $ref: '#' } })).toEqual(['#']);
  });
});
