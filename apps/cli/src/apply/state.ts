import { InterflowApiError, orThrow, type InterflowClient } from '@interflow/client';
import { KIND_HANDLERS, KIND_NAMES, type KindName, type Names, type Stored } from './kinds';

/** One object an apply set manages (as the api stores it). */
export interface ManagedRecord {
  kind: string;
  name: string;
  id: string;
  credentials_digest?: string;
}

export interface ApplySetState {
  name: string;
  records: ManagedRecord[];
  /** The ETag read; undefined when the set does not exist yet. */
  etag: string | undefined;
}

/** Everything stored, by kind, plus the apply set: what a plan is made against. */
export interface ClusterState {
  stored: Record<KindName, Stored[]>;
  applySet: ApplySetState;
}

export async function readApplySet(client: InterflowClient, name: string): Promise<ApplySetState> {
  const { data, error, response } = await client.GET('/v1/apply-sets/{name}', { params: { path: { name } } });
  if (response.status === 404) return { name, records: [], etag: undefined };
  if (!response.ok || !data) throw InterflowApiError.fromBody(response.status, error);
  return { name, records: data.objects, etag: response.headers.get('etag') ?? data.etag };
}

export async function readState(client: InterflowClient, applySetName: string): Promise<ClusterState> {
  const applySet = await readApplySet(client, applySetName);
  const names = namesOf({ stored: emptyStored(), applySet });
  const lists = await Promise.all(KIND_NAMES.map((kind) => KIND_HANDLERS[kind].list(client, names)));
  const stored = Object.fromEntries(KIND_NAMES.map((kind, index) => [kind, lists[index] ?? []])) as Record<KindName, Stored[]>;
  return { stored, applySet };
}

function emptyStored(): Record<KindName, Stored[]> {
  return Object.fromEntries(KIND_NAMES.map((kind) => [kind, []])) as unknown as Record<KindName, Stored[]>;
}

/**
 * Names ↔ ids over the state: bindings and subscriptions have no name in the api, so theirs
 * come from the apply set; other kinds are named by the api.
 */
export function namesOf(state: ClusterState): Names {
  const recordName = (kind: KindName, id: string) => state.applySet.records.find((r) => r.kind === kind && r.id === id)?.name;
  const hasApiName = (kind: KindName) => kind !== 'Binding' && kind !== 'Subscription';
  return {
    idOf: (kind, name) =>
      hasApiName(kind)
        ? state.stored[kind].find((s) => s.key === name)?.id
        : state.applySet.records.find((r) => r.kind === kind && r.name === name)?.id,
    nameOf: (kind, id) => (hasApiName(kind) ? (state.stored[kind].find((s) => s.id === id)?.key ?? recordName(kind, id)) : recordName(kind, id)),
  };
}

/**
 * Writes the apply set's records under If-Match (If-None-Match: * when it is new), so an
 * apply that raced another fails instead of losing track of what it made.
 */
export async function writeApplySet(client: InterflowClient, applySet: ApplySetState): Promise<void> {
  const header: Record<string, string> = applySet.etag ? { 'If-Match': applySet.etag } : { 'If-None-Match': '*' };
  const data = await orThrow(
    client.PUT('/v1/apply-sets/{name}', { params: { path: { name: applySet.name }, header }, body: { objects: applySet.records } }),
  );
  applySet.etag = data.etag;
}
