import {
  ConflictError,
  keysetPage,
  NotFoundError,
  type KeysetPage,
  type KeysetRequest,
  type Sql,
  type SqlExecutor,
} from '@interflow/core';
import { uniqueViolationOf } from './unique-violation';

/** A named set of recipients that notifications (and escalations) can be addressed to. */
export interface RecipientGroup {
  id: string;
  name: string;
  description: string | null;
  memberCount: number;
  createdAt: Date;
}

export interface RecipientGroupFields {
  name: string;
  description?: string | null;
}

interface GroupRow {
  seq: string;
  id: string;
  name: string;
  description: string | null;
  member_count: number;
  created_at: Date;
}

function present(row: GroupRow): RecipientGroup {
  return { id: row.id, name: row.name, description: row.description, memberCount: Number(row.member_count), createdAt: row.created_at };
}

const nameTaken = (name: string) => () => new ConflictError(`a group named '${name}' exists`, { field: 'name' });

const selectGroups = (sql: SqlExecutor) => sql`
  select g.*, (select count(*) from recipient_group_members m where m.group_id = g.id)::int as member_count
  from recipient_groups g`;

export async function createRecipientGroup(sql: Sql, fields: RecipientGroupFields): Promise<RecipientGroup> {
  try {
    const [row] = await sql<{ id: string }[]>`
      insert into recipient_groups (name, description) values (${fields.name}, ${fields.description ?? null}) returning id`;
    if (!row) throw new Error('insert into recipient_groups returned no row');
    return await getRecipientGroup(sql, row.id);
  } catch (error) {
    throw uniqueViolationOf(error, 'recipient_groups_name_key', nameTaken(fields.name));
  }
}

export async function getRecipientGroup(sql: SqlExecutor, id: string): Promise<RecipientGroup> {
  const [row] = await sql<GroupRow[]>`${selectGroups(sql)} where g.id = ${id}`;
  if (!row) throw new NotFoundError('group', id);
  return present(row);
}

export async function listRecipientGroups(sql: Sql, request: KeysetRequest): Promise<KeysetPage<RecipientGroup>> {
  const rows = await sql<GroupRow[]>`${selectGroups(sql)} where g.seq > ${request.after ?? '0'} order by g.seq limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

export async function updateRecipientGroup(sql: Sql, id: string, patch: Partial<RecipientGroupFields>): Promise<RecipientGroup> {
  try {
    const updated = await sql`
      update recipient_groups set
        name = coalesce(${patch.name ?? null}, name),
        description = ${patch.description === undefined ? sql`description` : patch.description}
      where id = ${id}`;
    if (updated.count === 0) throw new NotFoundError('group', id);
  } catch (error) {
    throw uniqueViolationOf(error, 'recipient_groups_name_key', nameTaken(patch.name ?? ''));
  }
  return getRecipientGroup(sql, id);
}

/** Deletes a group (its memberships go with it; recipients stay). */
export async function deleteRecipientGroup(sql: Sql, id: string): Promise<void> {
  const deleted = await sql`delete from recipient_groups where id = ${id}`;
  if (deleted.count === 0) throw new NotFoundError('group', id);
}

/** Adds recipients to a group (already members stay members); 404 naming an unknown one. */
export async function addGroupMembers(sql: Sql, groupId: string, recipientIds: string[]): Promise<RecipientGroup> {
  await sql.begin(async (tx) => {
    await getRecipientGroup(tx, groupId);
    const known = await tx<{ id: string }[]>`select id from recipients where id = any(${recipientIds}::uuid[])`;
    const missing = recipientIds.find((id) => !known.some((row) => row.id === id));
    if (missing) throw new NotFoundError('recipient', missing);
    await tx`
      insert into recipient_group_members (group_id, recipient_id)
      select ${groupId}, unnest(${recipientIds}::uuid[])
      on conflict do nothing`;
  });
  return getRecipientGroup(sql, groupId);
}

export async function removeGroupMember(sql: Sql, groupId: string, recipientId: string): Promise<void> {
  await getRecipientGroup(sql, groupId);
  const deleted = await sql`delete from recipient_group_members where group_id = ${groupId} and recipient_id = ${recipientId}`;
  if (deleted.count === 0) throw new NotFoundError('group member', recipientId);
}
