import crypto from 'node:crypto';
import { PreconditionFailedError } from '@interflow/core';
import { etagMatches } from './deployments';

/** A strong ETag over the values a representation is made of: same content, same tag. */
export function contentEtag(values: unknown[]): string {
  return `"${crypto.createHash('sha256').update(JSON.stringify(values)).digest('base64url')}"`;
}

/**
 * Refuses a change (412, nothing written) when the caller sent `If-Match` and it does not
 * name the current version. Called with the row locked, so nobody changes it in between.
 */
export function assertIfMatch(ifMatch: string | undefined, current: string): void {
  if (ifMatch !== undefined && !etagMatches(ifMatch, current)) throw new PreconditionFailedError();
}
