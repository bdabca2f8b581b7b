import type { FieldChange } from './compare';
import { credentialsDigest, declaredBody, digestMatches } from './declared-body';
import type { BodyValidator } from './body-validator';
import { KIND_HANDLERS, KIND_NAMES, type KindName, type Stored } from './kinds';
import { creationOrder } from './creation-order';
import { withReplacedExchangeDependents } from './exchange-replacement';
import { ManifestError, where, type Declared } from './manifest';
import { namesOf, type ClusterState, type ManagedRecord } from './state';

/** Stands for the id of an object this apply creates before the one referring to it. */
export const NEW_OBJECT_ID = '00000000-0000-4000-8000-000000000000';

export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'adopt' | 'unchanged';

/** One step of a plan. */
export interface Change {
  op: ChangeKind;
  kind: KindName;
  name: string;
  fields: FieldChange[];
  declared?: Declared;
  stored?: Stored;
  record?: ManagedRecord;
  /** Why, when the op alone does not say (shown in the diff). */
  reason?: string;
}

export interface Plan {
  changes: Change[];
  /** Records of the apply set that no file declares and `--prune` was not given for. */
  kept: ManagedRecord[];
}

/**
 * What applying `declared` to `state` would do, without doing it. Pure over its inputs:
 * every problem a file has (a bad field, a missing reference or secret, a change the api
 * cannot make in place) is thrown here, before the first change.
 */
export function planApply(
  declared: Declared[],
  state: ClusterState,
  options: { prune: boolean; replaceExchanges?: boolean; validator: BodyValidator; env: NodeJS.ProcessEnv },
): Plan {
  const names = namesOf(state);
  const declaredNames = new Set(declared.map((d) => `${d.kind}/${d.name}`));
  const resolve = (kind: KindName, name: string) => names.idOf(kind, name) ?? (declaredNames.has(`${kind}/${name}`) ? NEW_OBJECT_ID : undefined);
  const changes: Change[] = [];
  for (const item of creationOrder(declared)) {
    const handler = KIND_HANDLERS[item.kind];
    const { body, credentials } = declaredBody(item, handler, resolve, options.validator, options.env);
    const record = state.applySet.records.find((r) => r.kind === item.kind && r.name === item.name);
    const candidates = state.stored[item.kind];
    const stored =
      (record && candidates.find((s) => s.id === record.id && (item.kind === 'Binding' || item.kind === 'Subscription' || s.key === item.name))) ??
      candidates.find((s) => s.key === handler.keyOf(item.name, body));
    if (!stored) {
      changes.push({ op: 'create', kind: item.kind, name: item.name, fields: [], declared: item, ...(record ? { record } : {}) });
      continue;
    }
    const fields = handler.diff(stored.raw, body);
    if (credentials && handler.secrets) {
      const storedNames = handler.secrets.storedNames(stored.raw).sort();
      const declaredCredentialNames = Object.keys(credentials).sort();
      if (storedNames.join() !== declaredCredentialNames.join() || !digestMatches(record?.credentials_digest, credentials)) {
        fields.push({ field: handler.secrets.field, from: `(set: ${storedNames.join(', ') || 'none'})`, to: `(from env/files: ${declaredCredentialNames.join(', ')})` });
      }
    }
    if (fields.length === 0) {
      changes.push({ op: record ? 'unchanged' : 'adopt', kind: item.kind, name: item.name, fields, declared: item, stored, ...(record ? { record } : {}) });
    } else if (handler.updatable && !fields.some((f) => handler.fixedFields?.includes(f.field))) {
      changes.push({ op: 'update', kind: item.kind, name: item.name, fields, declared: item, stored, ...(record ? { record } : {}) });
    } else if (item.kind === 'Exchange' && !options.replaceExchanges) {
      // Deleting an exchange drops its bindings: never done without being asked.
      throw new ManifestError(
        item.source,
        'spec.type',
        `${where(item)} exists with type ${String(stored.raw.type)}; a type cannot change in place: ` +
          'apply --replace-exchanges deletes it and creates it again with the bindings and subscriptions the files declare on it (the others on it are deleted)',
      );
    } else {
      changes.push({ op: 'replace', kind: item.kind, name: item.name, fields, declared: item, stored, ...(record ? { record } : {}) });
    }
  }
  const kept: ManagedRecord[] = [];
  const orphans = state.applySet.records.filter((r) => !declaredNames.has(`${r.kind}/${r.name}`));
  for (const record of orphans.sort((a, b) => KIND_NAMES.indexOf(b.kind as KindName) - KIND_NAMES.indexOf(a.kind as KindName))) {
    if (!options.prune) {
      kept.push(record);
      continue;
    }
    const stored = state.stored[record.kind as KindName]?.find((s) => s.id === record.id);
    changes.push({ op: 'delete', kind: record.kind as KindName, name: record.name, fields: [], record, ...(stored ? { stored } : {}) });
  }
  return { changes: withReplacedExchangeDependents(changes, state), kept };
}

export { credentialsDigest };
