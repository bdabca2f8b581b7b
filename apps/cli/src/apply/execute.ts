import { InterflowApiError, type InterflowClient } from '@interflow/client';
import { credentialsDigest, declaredBody } from './declared-body';
import { CommandFailed } from '../usage-error';
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
      if (change.stored) await ignoreGone(() => unlessChangedMeanwhile(change, () => handler.remove(client, change.stored as NonNullable<Change['stored']>)));
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
      await ignoreGone(() => unlessChangedMeanwhile(change, () => handler.remove(client, change.stored as NonNullable<Change['stored']>)));
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
      const stored = change.stored;
      await unlessChangedMeanwhile(change, () => handler.update(client, stored, patch));
      await remember(record(change.stored.id));
      options.log(`${change.kind} ${change.name} updated (${change.fields.map((f) => f.field).join(', ')})`);
    }
  }
}

/**
 * The api refused a change with 412: the object is no longer what the plan was made
 * against (someone changed it since apply read it). Nothing of it was overwritten; the
 * changes made before this one stay, recorded in the apply set.
 */
async function unlessChangedMeanwhile(change: Change, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof InterflowApiError && error.status === 412)) throw error;
    throw new CommandFailed(
      `${change.kind} ${change.name} was changed by someone else after apply read it; it was not overwritten. ` +
        'Run apply again (--dry-run first) to see the diff against what is there now',
    );
  }
}

async function ignoreGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!(error instanceof InterflowApiError && error.status === 404)) throw error;
  }
}
