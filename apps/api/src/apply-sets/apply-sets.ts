import { type Sql, jsonParam, NotFoundError, PreconditionFailedError } from '@interflow/core';

/** One object an apply set manages: what `--prune` may delete, and how to find it. */
export interface ManagedObject {
  kind: string;
  name: string;
  /** The api's id (uuid, or the name for queues and exchanges). */
  id: string;
  /** Salted digest of the credentials last sent (deployments), to notice a changed value. */
  credentials_digest?: string;
}

export interface ApplySet {
  name: string;
  objects: ManagedObject[];
  /** Bumped by every write; the ETag is `"<version>"`. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ApplySetRow {
  name: string;
  objects: ManagedObject[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

const present = (row: ApplySetRow): ApplySet => ({
  name: row.name,
  objects: row.objects,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const applySetEtag = (set: Pick<ApplySet, 'version'>): string => `"${set.version}"`;

/** Reads one apply set; NotFoundError when it was never written. */
export async function getApplySet(sql: Sql, name: string): Promise<ApplySet> {
  const [row] = await sql<ApplySetRow[]>`select * from apply_sets where name = ${name}`;
  if (!row) throw new NotFoundError('apply set', name);
  return present(row);
}

/** Every apply set, by name. */
export async function listApplySets(sql: Sql): Promise<ApplySet[]> {
  const rows = await sql<ApplySetRow[]>`select * from apply_sets order by name`;
  return rows.map(present);
}

export interface WriteCondition {
  /** The ETag last read: the write happens only if the set is still at that version. */
  ifMatch?: string;
  /** `*`: the write happens only if the set does not exist yet. */
  ifNoneMatch?: string;
}

const versionOf = (etag: string): number | undefined => {
  const match = /^"(\d+)"$/.exec(etag.trim());
  return match ? Number(match[1]) : undefined;
};

/**
 * Creates or replaces an apply set's objects in one statement. With `ifMatch`, only while
 * its version is still the one read (two applies racing: the second gets 412 and writes
 * nothing); with `ifNoneMatch: '*'`, only when it does not exist yet.
 */
export async function putApplySet(sql: Sql, name: string, objects: ManagedObject[], condition: WriteCondition = {}): Promise<ApplySet> {
  const expected = condition.ifMatch === undefined || condition.ifMatch.trim() === '*' ? null : versionOf(condition.ifMatch);
  if (expected === undefined) throw new PreconditionFailedError('If-Match is not the ETag of this apply set');
  const mustNotExist = condition.ifNoneMatch?.trim() === '*';
  const [row] =
    condition.ifMatch !== undefined
      ? await updateAtVersion(sql, name, objects, expected ?? null)
      : await sql<ApplySetRow[]>`
          insert into apply_sets as s (name, objects) values (${name}, ${jsonParam(sql, objects)})
          on conflict (name) do update
            set objects = excluded.objects, version = s.version + 1, updated_at = now()
            where not ${mustNotExist}
          returning *`;
  if (!row) throw new PreconditionFailedError(`apply set '${name}' changed since it was read (or ${mustNotExist ? 'exists already' : 'does not exist'})`);
  return present(row);
}

/** Replaces the objects of an existing set, only while it is at `version` (any, when null). */
function updateAtVersion(sql: Sql, name: string, objects: ManagedObject[], version: number | null) {
  return sql<ApplySetRow[]>`
    update apply_sets set objects = ${jsonParam(sql, objects)}, version = version + 1, updated_at = now()
    where name = ${name} and (${version}::int is null or version = ${version}::int)
    returning *`;
}

/** Forgets an apply set (its objects stay); with `ifMatch`, only at the version read. */
export async function deleteApplySet(sql: Sql, name: string, ifMatch?: string): Promise<void> {
  const expected = ifMatch === undefined || ifMatch.trim() === '*' ? null : (versionOf(ifMatch) ?? -1);
  const deleted = await sql`delete from apply_sets where name = ${name} and (${expected}::int is null or version = ${expected}::int) returning name`;
  if (deleted.length === 0) {
    await getApplySet(sql, name);
    throw new PreconditionFailedError();
  }
}
