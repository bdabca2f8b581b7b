import crypto from 'node:crypto';
import type { SecretKeyring } from '../integrations/crypto/secret-keyring';
import { hashRunInput } from '../integrations/run-input';

/**
 * Run requests are signed, so the runner executes only what an authorised path (the
 * api's trigger, a webhook, a schedule, a retry) published. The key is derived with HKDF
 * from each installation secret key the daemon holds (`INTERFLOW_SECRET_KEY`, and the
 * secondary one during a rotation): no new secret to distribute, and a key used for
 * signing is never the key that encrypts credentials. The header names the key id, so a
 * runner holding both keys of a rotation verifies either.
 */
const HKDF_SALT = 'interflow';
const HKDF_INFO = 'interflow run-request signature v1';
const VERSION = 'v1';

export interface RunRequestKeys {
  /** Signs: derived from the keyring's active key. */
  signing: { id: string; key: Buffer };
  /** Verifies: one derived key per key id of the keyring. */
  byId: ReadonlyMap<string, Buffer>;
}

function derive(key: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', key, HKDF_SALT, HKDF_INFO, 32));
}

/** The signing keys of a keyring (derive once at start; deriving is cheap but not free). */
export function runRequestKeys(keyring: SecretKeyring): RunRequestKeys {
  const byId = new Map<string, Buffer>();
  for (const [id, secretKey] of keyring.byId) byId.set(id, derive(secretKey.key));
  const active = byId.get(keyring.active.id);
  if (!active) throw new Error('the active key is missing from its own keyring');
  return { signing: { id: keyring.active.id, key: active }, byId };
}

/** Everything the signature covers: what runs, as which run, why, with what, and where the reply goes. */
export interface SignedRunRequestFields {
  actionId: string;
  runId: string | null;
  trigger: string;
  requestId: string;
  input: Record<string, unknown>;
  replyTo: string | null;
}

/** One line per field, the input as the SHA-256 of its canonical JSON (key order does not matter). */
function material(fields: SignedRunRequestFields): string {
  return [VERSION, fields.trigger, fields.actionId, fields.runId ?? '', fields.requestId, fields.replyTo ?? '', hashRunInput(fields.input)].join('\n');
}

function mac(key: Buffer, fields: SignedRunRequestFields): Buffer {
  return crypto.createHmac('sha256', key).update(material(fields)).digest();
}

/** The signature header's value: `v1:<key id>:<HMAC-SHA256, base64url>`. */
export function signRunRequest(keys: RunRequestKeys, fields: SignedRunRequestFields): string {
  return `${VERSION}:${keys.signing.id}:${mac(keys.signing.key, fields).toString('base64url')}`;
}

/** Null when `header` is a valid signature of `fields`; otherwise why not (for the dead-letter reason and the log). */
export function runRequestSignatureProblem(keys: RunRequestKeys, fields: SignedRunRequestFields, header: unknown): string | null {
  if (header === undefined || header === null || header === '') return 'the run request is not signed';
  if (typeof header !== 'string') return 'the run request signature is not a string';
  const [version, keyId, signature, ...rest] = header.split(':');
  if (version !== VERSION || !keyId || !signature || rest.length > 0) return `the run request signature is not of the form ${VERSION}:<key id>:<signature>`;
  const key = keys.byId.get(keyId);
  if (!key) return `the run request is signed with key '${keyId}', which this runner does not hold`;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, fields);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return 'the run request signature does not match its contents';
  }
  return null;
}
