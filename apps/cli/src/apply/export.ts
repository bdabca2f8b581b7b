import YAML from 'yaml';
import { KIND_HANDLERS, KIND_NAMES } from './kinds';
import { API_VERSION } from './manifest';
import { namesOf, type ClusterState } from './state';

/**
 * The stored objects as manifest documents (references by name, credentials left out),
 * in creation order: what `interflow apply` reads back to the same state.
 */
export function exportManifests(state: ClusterState): string {
  const names = namesOf(state);
  const documents: string[] = [];
  for (const kind of KIND_NAMES) {
    const handler = KIND_HANDLERS[kind];
    const objects = state.stored[kind]
      .filter((stored) => !handler.isSystem?.(stored.raw))
      .map((stored) => ({ name: names.nameOf(kind, stored.id) ?? handler.exportName(stored.raw, names), spec: handler.exportSpec(stored.raw, names) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const object of objects) {
      documents.push(YAML.stringify({ apiVersion: API_VERSION, kind, metadata: { name: object.name }, spec: object.spec }, { lineWidth: 0 }));
    }
  }
  return documents.map((document) => `---\n${document}`).join('');
}
