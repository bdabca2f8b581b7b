import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KindHandler, KindName } from './kinds';
import { ManifestError, type Declared } from './manifest';
import type { BodyValidator } from './body-validator';

type Json = Record<string, unknown>;

/** Kinds whose body carries the object's name (bindings and subscriptions have none). */
const NAMED: KindName[] = ['Exchange', 'Queue', 'Service', 'Deployment', 'Action', 'Schedule', 'RecipientGroup', 'Recipient'];

function getPath(object: Json, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), object);
}

function setPath(object: Json, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Json>((node, key) => (node[key] ??= {}) as Json, object);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** What a declaration becomes: the api body, and the credentials read from env or files. */
export interface DeclaredBody {
  body: Json;
  /** The write-only values read (never printed): a deployment's credentials, a recipient's webhook secret. */
  credentials?: Record<string, unknown>;
}

/** `{env: NAME}` or `{file: path}` → the value; a secret written in the file itself is refused. */
function secretValue(declared: Declared, field: string, ref: unknown, env: NodeJS.ProcessEnv, baseDir: string): string {
  const source = ref as { env?: unknown; file?: unknown } | null;
  if (source && typeof source === 'object' && Object.keys(source).length === 1) {
    if (typeof source.env === 'string') {
      const value = env[source.env];
      if (value === undefined || value === '') throw new ManifestError(declared.source, field, `environment variable ${source.env} is not set`);
      return value;
    }
    if (typeof source.file === 'string') {
      const file = path.resolve(baseDir, source.file);
      if (!fs.existsSync(file)) throw new ManifestError(declared.source, field, `no file ${file}`);
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    }
  }
  throw new ManifestError(declared.source, field, 'expected {env: VARIABLE} or {file: path}: secrets are never written in a manifest');
}

/**
 * The api body of a declaration: references by name become ids (`resolve` answers an id,
 * or a placeholder for an object this apply creates first), secrets are read, and the body
 * is checked against the api's own request schema, so a bad file fails before any change.
 */
export function declaredBody(
  declared: Declared,
  handler: KindHandler,
  resolve: (kind: KindName, name: string) => string | undefined,
  validator: BodyValidator,
  env: NodeJS.ProcessEnv,
): DeclaredBody {
  const body = structuredClone(declared.spec);
  const baseDir = declared.source.file === '(stdin)' ? process.cwd() : path.dirname(path.resolve(declared.source.file));
  for (const reference of handler.references) {
    const name = getPath(body, reference.specField);
    if (reference.many) {
      if (name === undefined) continue;
      if (!Array.isArray(name) || name.some((item) => typeof item !== 'string')) {
        throw new ManifestError(declared.source, `spec.${reference.specField}`, `expected a list of ${reference.kind} names`);
      }
      const ids = (name as string[]).map((item) => {
        const id = resolve(reference.kind, item);
        if (id === undefined) throw new ManifestError(declared.source, `spec.${reference.specField}`, `no ${reference.kind} named '${item}' is declared or stored`);
        return id;
      });
      setPath(body, reference.specField, undefined);
      setPath(body, reference.bodyField, ids);
      continue;
    }
    if (reference.kind === 'Action' && reference.specField === 'target.action' && (body.target as Json | undefined)?.type !== 'action') continue;
    if (typeof name !== 'string') throw new ManifestError(declared.source, `spec.${reference.specField}`, `expected the name of a ${reference.kind}`);
    const id = resolve(reference.kind, name);
    if (id === undefined) throw new ManifestError(declared.source, `spec.${reference.specField}`, `no ${reference.kind} named '${name}' is declared or stored`);
    setPath(body, reference.specField, undefined);
    setPath(body, reference.bodyField, id);
  }
  if (NAMED.includes(declared.kind)) {
    if ('name' in body) throw new ManifestError(declared.source, 'spec.name', 'the name is metadata.name');
    body.name = declared.name;
  }
  let credentials: Record<string, unknown> | undefined;
  if (declared.kind === 'Deployment' && body.credentials !== undefined) {
    if (typeof body.credentials !== 'object' || body.credentials === null) throw new ManifestError(declared.source, 'spec.credentials', 'expected a mapping');
    credentials = Object.fromEntries(
      Object.entries(body.credentials as Json).map(([key, ref]) => [key, secretValue(declared, `spec.credentials.${key}`, ref, env, baseDir)]),
    );
    body.credentials = credentials;
  }
  if (declared.kind === 'Recipient' && body.webhook_secret !== undefined) {
    const secret = secretValue(declared, 'spec.webhook_secret', body.webhook_secret, env, baseDir);
    body.webhook_secret = secret;
    credentials = { webhook_secret: secret };
  }
  if (declared.kind === 'Service' && body.signing_secret !== undefined) {
    body.signing_secret = secretValue(declared, 'spec.signing_secret', body.signing_secret, env, baseDir);
  }
  const toValidate = declared.kind === 'Subscription' ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'action_id')) : body;
  const problem = validator.check(handler.createPath, toValidate);
  if (problem) {
    const reference = handler.references.find((r) => problem.field === r.bodyField || problem.field.startsWith(`${r.bodyField}.`));
    const field = reference ? reference.specField : problem.field;
    throw new ManifestError(declared.source, field ? `spec.${field}` : 'spec', problem.message);
  }
  if (declared.kind === 'Subscription') Object.assign(body, toValidate);
  return credentials ? { body, credentials } : { body };
}

/** `sha256:<salt>:<hex>` of the credentials, so a changed value is noticed without storing it. */
export function credentialsDigest(credentials: Record<string, unknown>, salt = randomBytes(16).toString('hex')): string {
  const canonical = JSON.stringify(Object.keys(credentials).sort().map((key) => [key, credentials[key]]));
  return `sha256:${salt}:${createHash('sha256').update(`${salt}:${canonical}`).digest('hex')}`;
}

export function digestMatches(digest: string | undefined, credentials: Record<string, unknown>): boolean {
  const salt = digest?.split(':')[1];
  return salt !== undefined && credentialsDigest(credentials, salt) === digest;
}
