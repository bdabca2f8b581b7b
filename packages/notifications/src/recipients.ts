import crypto from 'node:crypto';
import {
  ConflictError,
  keysetPage,
  NotFoundError,
  ValidationError,
  type KeysetPage,
  type KeysetRequest,
  type Sql,
  type SqlExecutor,
} from '@interflow/core';
import { openSecret, sealSecret, type SealedSample, type SealedSecretSource, type SecretKeyring } from '@interflow/registry';
import { uniqueViolationOf } from './unique-violation';

/**
 * A person or system notifications are delivered to. The inbox is always there; e-mail
 * and webhook are channels a recipient may have. A webhook is signed with the
 * recipient's own secret (Standard Webhooks), sealed at rest and shown once.
 */
export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  webhookUrl: string | null;
  groupIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface RecipientFields {
  name: string;
  email?: string | null;
  webhookUrl?: string | null;
  /** The webhook signing secret to use (write-only); omitted: one is generated when a webhook is set up. */
  webhookSecret?: string;
  groupIds?: string[];
}

interface RecipientRow {
  seq: string;
  id: string;
  name: string;
  email: string | null;
  webhook_url: string | null;
  webhook_key_id: string | null;
  webhook_secret: Buffer | null;
  group_ids: string[];
  created_at: Date;
  updated_at: Date;
}

/** The additional data bound to a recipient's sealed webhook secret. */
function webhookSecretContext(recipientId: string): string {
  return `recipient:${recipientId}:webhook_secret`;
}

/**
 * Recipients' sealed webhook secrets, for the readiness check that the configured keys
 * open what is stored (checkSecretsReadable): one sample per key id, with how many share it.
 */
export const recipientWebhookSecrets: SealedSecretSource = {
  kind: 'recipient webhook secret(s)',
  context: webhookSecretContext,
  samples: (sql) => sql<SealedSample[]>`
    select r.id::text as id, r.webhook_key_id as "keyId", r.webhook_secret as sealed, k.n as sharing
    from (select webhook_key_id, count(*)::int as n from recipients where webhook_key_id is not null group by webhook_key_id) k
    join lateral (select id, webhook_key_id, webhook_secret from recipients
                  where webhook_key_id = k.webhook_key_id limit 1) r on true
    order by r.webhook_key_id`,
};

/** A fresh Standard Webhooks secret (`whsec_` + 24 random bytes in base64). */
export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString('base64')}`;
}

function present(row: RecipientRow): Recipient {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    webhookUrl: row.webhook_url,
    groupIds: row.group_ids,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const nameTaken = (name: string) => () => new ConflictError(`a recipient named '${name}' exists`, { field: 'name' });

/** Fails with a 400 naming the groups that do not exist. */
async function assertGroupsExist(sql: SqlExecutor, groupIds: string[], field: string): Promise<void> {
  if (groupIds.length === 0) return;
  const rows = await sql<{ id: string }[]>`select id from recipient_groups where id = any(${groupIds}::uuid[])`;
  const known = new Set(rows.map((row) => row.id));
  const missing = groupIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ValidationError(`unknown groups: ${missing.join(', ')}`, missing.map((id) => ({ path: field, message: `group '${id}' does not exist` })));
  }
}

async function setMemberships(tx: SqlExecutor, recipientId: string, groupIds: string[]): Promise<void> {
  await assertGroupsExist(tx, groupIds, 'group_ids');
  await tx`delete from recipient_group_members where recipient_id = ${recipientId} and not (group_id = any(${groupIds}::uuid[]))`;
  if (groupIds.length > 0) {
    await tx`
      insert into recipient_group_members (group_id, recipient_id)
      select unnest(${groupIds}::uuid[]), ${recipientId}
      on conflict do nothing`;
  }
}

const selectRecipients = (sql: SqlExecutor) => sql`
  select r.*, coalesce((select array_agg(m.group_id order by m.group_id) from recipient_group_members m where m.recipient_id = r.id), '{}') as group_ids
  from recipients r`;

/** A secret for a recipient without a webhook has nothing to sign: refused (409) naming the field. */
function noWebhookForSecret(): ConflictError {
  return new ConflictError('a webhook secret needs a webhook_url', { field: 'webhook_secret' });
}

/**
 * Registers a recipient. With a webhook URL the given signing secret is sealed, or one is
 * generated, sealed, and returned here only (null when given, or without a webhook).
 */
export async function createRecipient(
  sql: Sql,
  keyring: SecretKeyring,
  fields: RecipientFields,
): Promise<{ recipient: Recipient; webhookSecret: string | null }> {
  const id = crypto.randomUUID();
  if (fields.webhookSecret !== undefined && !fields.webhookUrl) throw noWebhookForSecret();
  const secret = fields.webhookUrl ? (fields.webhookSecret ?? generateWebhookSecret()) : null;
  const sealed = secret ? sealSecret(keyring, secret, webhookSecretContext(id)) : null;
  const webhookSecret = fields.webhookSecret === undefined ? secret : null;
  try {
    await sql.begin(async (tx) => {
      await tx`
        insert into recipients (id, name, email, webhook_url, webhook_key_id, webhook_secret)
        values (${id}, ${fields.name}, ${fields.email ?? null}, ${fields.webhookUrl ?? null}, ${sealed?.keyId ?? null}, ${sealed?.sealed ?? null})`;
      await setMemberships(tx, id, fields.groupIds ?? []);
    });
  } catch (error) {
    throw uniqueViolationOf(error, 'recipients_name_key', nameTaken(fields.name));
  }
  return { recipient: await getRecipient(sql, id), webhookSecret };
}

export async function getRecipient(sql: SqlExecutor, id: string): Promise<Recipient> {
  const [row] = await sql<RecipientRow[]>`${selectRecipients(sql)} where r.id = ${id}`;
  if (!row) throw new NotFoundError('recipient', id);
  return present(row);
}

export async function listRecipients(sql: Sql, request: KeysetRequest & { groupId?: string }): Promise<KeysetPage<Recipient>> {
  const rows = await sql<RecipientRow[]>`
    ${selectRecipients(sql)}
    where r.seq > ${request.after ?? '0'}
      ${request.groupId ? sql`and exists (select 1 from recipient_group_members m where m.recipient_id = r.id and m.group_id = ${request.groupId})` : sql``}
    order by r.seq limit ${request.limit + 1}`;
  return keysetPage(rows, request.limit, present);
}

/**
 * Changes a recipient. A given webhook secret replaces the stored one; a webhook URL set
 * where there was none, without one given, gets a new secret (returned); removing the URL
 * drops the secret; `groupIds` replaces the memberships.
 */
export async function updateRecipient(
  sql: Sql,
  keyring: SecretKeyring,
  id: string,
  patch: Partial<RecipientFields>,
): Promise<{ recipient: Recipient; webhookSecret: string | null }> {
  let webhookSecret: string | null = null;
  try {
    await sql.begin(async (tx) => {
      const [row] = await tx<RecipientRow[]>`select * from recipients where id = ${id} for update`;
      if (!row) throw new NotFoundError('recipient', id);
      const webhookUrl = patch.webhookUrl === undefined ? row.webhook_url : patch.webhookUrl;
      let keyId = row.webhook_key_id;
      let secret = row.webhook_secret;
      if (webhookUrl === null) {
        if (patch.webhookSecret !== undefined) throw noWebhookForSecret();
        keyId = null;
        secret = null;
      } else if (patch.webhookSecret !== undefined || row.webhook_url === null) {
        const newSecret = patch.webhookSecret ?? generateWebhookSecret();
        if (patch.webhookSecret === undefined) webhookSecret = newSecret;
        const sealed = sealSecret(keyring, newSecret, webhookSecretContext(id));
        keyId = sealed.keyId;
        secret = sealed.sealed;
      }
      await tx`
        update recipients set
          name = ${patch.name ?? row.name},
          email = ${patch.email === undefined ? row.email : patch.email},
          webhook_url = ${webhookUrl}, webhook_key_id = ${keyId}, webhook_secret = ${secret},
          updated_at = now()
        where id = ${id}`;
      if (patch.groupIds) await setMemberships(tx, id, patch.groupIds);
    });
  } catch (error) {
    throw uniqueViolationOf(error, 'recipients_name_key', nameTaken(patch.name ?? ''));
  }
  return { recipient: await getRecipient(sql, id), webhookSecret };
}

/** A new webhook secret for a recipient that has a webhook; the old one stops working at once. */
export async function rotateWebhookSecret(sql: Sql, keyring: SecretKeyring, id: string): Promise<string> {
  const secret = generateWebhookSecret();
  const sealed = sealSecret(keyring, secret, webhookSecretContext(id));
  const [row] = await sql<{ webhook_url: string | null }[]>`
    update recipients set webhook_key_id = ${sealed.keyId}, webhook_secret = ${sealed.sealed}, updated_at = now()
    where id = ${id} and webhook_url is not null
    returning webhook_url`;
  if (!row) {
    await getRecipient(sql, id);
    throw new ConflictError(`recipient '${id}' has no webhook; set webhook_url first`, { field: 'webhook_url' });
  }
  return secret;
}

export async function recipientExists(sql: SqlExecutor, id: string): Promise<boolean> {
  const rows = await sql`select 1 from recipients where id = ${id}`;
  return rows.length > 0;
}

/** Deletes a recipient with its deliveries and tokens (their history rows stay). */
export async function deleteRecipient(sql: Sql, id: string): Promise<void> {
  const deleted = await sql`delete from recipients where id = ${id}`;
  if (deleted.count === 0) throw new NotFoundError('recipient', id);
}

/** Where and how to reach a recipient's webhook: its URL and opened signing secret. */
export async function recipientWebhook(
  sql: SqlExecutor,
  keyring: SecretKeyring,
  id: string,
): Promise<{ url: string; secret: string } | null> {
  const [row] = await sql<Pick<RecipientRow, 'webhook_url' | 'webhook_key_id' | 'webhook_secret'>[]>`
    select webhook_url, webhook_key_id, webhook_secret from recipients where id = ${id}`;
  if (!row?.webhook_url || !row.webhook_key_id || !row.webhook_secret) return null;
  const secret = openSecret<string>(keyring, { keyId: row.webhook_key_id, sealed: row.webhook_secret }, webhookSecretContext(id));
  return { url: row.webhook_url, secret };
}

/**
 * Re-seals recipients' webhook secrets not yet under the keyring's active key (part of
 * `rotate-keys`), a batch per short transaction under the rows' locks; safe to run again.
 * Answers how many were re-sealed.
 */
export async function resealWebhookSecrets(sql: Sql, keyring: SecretKeyring): Promise<number> {
  let resealed = 0;
  for (;;) {
    const batch = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string; webhook_key_id: string; webhook_secret: Buffer }[]>`
        select id, webhook_key_id, webhook_secret from recipients
        where webhook_key_id is not null and webhook_key_id <> ${keyring.active.id}
        order by id limit 100 for update`;
      for (const row of rows) {
        const context = webhookSecretContext(row.id);
        const sealed = sealSecret(keyring, openSecret(keyring, { keyId: row.webhook_key_id, sealed: row.webhook_secret }, context), context);
        await tx`update recipients set webhook_key_id = ${sealed.keyId}, webhook_secret = ${sealed.sealed} where id = ${row.id}`;
      }
      return rows.length;
    });
    resealed += batch;
    if (batch < 100) return resealed;
  }
}
