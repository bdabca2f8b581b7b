import { InterflowApiError, type InterflowClient } from '@interflow/client';
import { credentialsDigest, declaredBody } from './declared-body';
import type { BodyValidator } from './body-validator';
import { KIND_HANDLERS, type KindName } from './kinds';
import type { Change, Plan } from './plan';
import { namesOf, writeApplySet, type ClusterState, type ManagedRecord } from './state';

type Json = Record<string, unknown>;

/** Runs a plan in its order, keeping the apply set current after every change. */
export async function executePlan(
  client: InterflowClient,
  plan: Plan,
  state: ClusterState,
  options: { validator: BodyValidator; env: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<void> {
  const applySet = state.applySet;
  // Claim the set first: a concurrent apply that read the same version fails here, before changing anything.
  await writeApplySet(client, applySet);
  const created = new Map<string, string>();
  const names = namesOf(state);
  const resolve = (kind: KindName, name: string) => created.get(`${kind}/${name}`) ?? names.idOf(kind, name);
  const remember = async (record: ManagedRecord) => {
    applySet.records = [...applySet.records.filter((r) => !(r.kind === record.kind && r.name === record.name)), record];
    await writeApplySet(client, applySet);
  };
  const forget = async (kind: string, name: string) => {
    applySet.records = applySet.records.filter((r) => !(r.kind === kind && r.name === name));
    await writeApplySet(client, applySet);
  };
  for (const change of plan.changes) {
    const handler = KIND_HANDLERS[change.kind];
    if (change.op === 'delete') {
      if (change.stored) await ignoreGone(() => handler.remove(client, change.stored as NonNullable<Change['stored']>));
      await forget(change.kind, change.name);
      options.log(`${change.kind} ${change.name} deleted`);
      continue;
    }
    const declared = change.declared;
    if (!declared) continue;
    const { body, credentials } = declaredBody(declared, handler, resolve, options.validator, options.env);
    const digest = credentials ? credentialsDigest(credentials) : change.record?.credentials_digest;
    const record = (id: string): ManagedRecord => ({ kind: change.kind, name: change.name, id, ...(digest ? { credentials_digest: digest } : {}) });
    if (change.op === 'unchanged') continue;
    if (change.op === 'adopt' && change.stored) {
      await remember(record(change.stored.id));
      options.log(`${change.kind} ${change.name} unchanged, now managed`);
      continue;
    }
    if (change.op === 'replace' && change.stored) {
      await ignoreGone(() => handler.remove(client, change.stored as NonNullable<Change['stored']>));
    }
    if (change.op === 'create' || change.op === 'replace') {
      const made = await handler.create(client, body);
      created.set(`${change.kind}/${change.name}`, made.id);
      await remember(record(made.id));
      options.log(`${change.kind} ${change.name} ${change.op === 'create' ? 'created' : 'replaced'}`);
      continue;
    }
    if (change.op === 'update' && change.stored) {
      const patch: Json = Object.fromEntries(change.fields.filter((f) => f.field !== 'credentials').map((f) => [f.field, body[f.field]]));
      if (credentials && change.fields.some((f) => f.field === 'credentials')) {
        // PATCH merges credentials: null removes the ones the file no longer names.
        const removed = Object.keys((change.stored.raw.credentials ?? {}) as Json).filter((key) => !(key in credentials));
        patch.credentials = { ...Object.fromEntries(removed.map((key) => [key, null])), ...credentials };
      }
      await handler.update(client, change.stored, patch);
      await remember(record(change.stored.id));
      options.log(`${change.kind} ${change.name} updated (${change.fields.map((f) => f.field).join(', ')})`);
    }
  }
}

async function ignoreGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!(error instanceof InterflowApiError && error.status === 404)) throw error;
  }
}
