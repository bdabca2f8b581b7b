import { schemaProblems } from '../src/forms/schema-problems';

/** The request-body shape the forms check (as the OpenAPI document gives it). */
const actionBody = {
  type: 'object',
  required: ['name', 'deployment_id'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{0,99}$' },
    deployment_id: { type: 'string', format: 'uuid' },
    description: { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'null' }] },
    timeout_ms: { type: 'integer', minimum: 1, maximum: 3_600_000 },
    retry_policy: {
      type: 'object',
      required: ['max_attempts'],
      properties: { max_attempts: { type: 'integer', minimum: 1 } },
    },
  },
};

const DEPLOYMENT = '5b7d6c1e-8f0a-4b2c-9d3e-1a2b3c4d5e6f';

describe('schemaProblems', () => {
  it('is empty for a valid value', () => {
    expect(schemaProblems({ name: 'greet', deployment_id: DEPLOYMENT, timeout_ms: 5 }, actionBody)).toEqual(new Map());
  });

  it('names each wrong field by its dotted path, in words, once', () => {
    const problems = schemaProblems(
      { name: 'Bad Name', deployment_id: DEPLOYMENT, timeout_ms: 0, description: 'far too long a text', retry_policy: { max_attempts: 'x' } },
      actionBody,
    );
    expect(Object.fromEntries(problems)).toEqual({
      name: 'has characters or a form that is not allowed',
      timeout_ms: 'must be at least 1',
      description: 'must be at most 10 characters',
      'retry_policy.max_attempts': 'must be a whole number',
    });
  });

  it('says a missing or empty required field is required, at the field', () => {
    expect(Object.fromEntries(schemaProblems({ deployment_id: '', retry_policy: {} }, actionBody))).toEqual({
      name: 'is required',
      deployment_id: 'is required',
      'retry_policy.max_attempts': 'is required',
    });
  });

  it('names a field the schema does not allow', () => {
    expect(schemaProblems({ name: 'greet', deployment_id: DEPLOYMENT, colour: 'red' }, actionBody).get('colour')).toBe('is not allowed');
  });

  it('partially: top-level required fields may be missing (defaults), the rest is checked; a prefix places the problems', () => {
    const input = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer' } } };
    expect(schemaProblems({}, input, { partial: true })).toEqual(new Map());
    expect(Object.fromEntries(schemaProblems({ count: 1.5 }, input, { partial: true, prefix: 'default_input' }))).toEqual({ 'default_input.count': 'must be a whole number' });
    expect(Object.fromEntries(schemaProblems({}, input, { prefix: 'input' }))).toEqual({ 'input.name': 'is required' });
  });
});
