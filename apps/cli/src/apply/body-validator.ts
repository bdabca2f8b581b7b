import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@interflow/client';

/** The first problem of a body: the dotted field it is about, and what is wrong. */
export interface BodyProblem {
  field: string;
  message: string;
}

function describe(error: ErrorObject): BodyProblem {
  const base = error.instancePath.split('/').filter(Boolean).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    return { field: [...base, String(error.params.additionalProperty)].join('.'), message: 'unknown field' };
  }
  if (error.keyword === 'required') return { field: [...base, String(error.params.missingProperty)].join('.'), message: 'is required' };
  return { field: base.join('.'), message: error.message ?? 'is not valid' };
}

/**
 * Checks bodies against the request schemas of the api's OpenAPI document (the one the
 * client is generated from), filling their defaults as the api would.
 */
export class BodyValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, useDefaults: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    // zod names these formats and enforces them with a `pattern` next to them.
    for (const format of ['starts_with', 'ends_with', 'includes']) this.ajv.addFormat(format, true);
    this.ajv.addSchema(openApiDocument as object, 'openapi');
  }

  check(createPath: string, body: Record<string, unknown>): BodyProblem | undefined {
    let validate = this.compiled.get(createPath);
    if (!validate) {
      const pointer = `/paths/${createPath.replace(/~/g, '~0').replace(/\//g, '~1')}/post/requestBody/content/application~1json/schema`;
      validate = this.ajv.compile({ $ref: `openapi#${pointer.split('/').map(encodeURIComponent).join('/')}` });
      this.compiled.set(createPath, validate);
    }
    if (validate(body)) return undefined;
    const errors = validate.errors ?? [];
    // Under oneOf every branch reports; the most specific (deepest) problem says most.
    const best = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    return best ? describe(best) : { field: '', message: 'is not valid' };
  }
}
