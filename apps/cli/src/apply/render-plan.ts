import YAML from 'yaml';
import { NEW_OBJECT_ID, type Plan } from './plan';

const SIGN = { create: '+', update: '~', replace: '±', delete: '-', adopt: '=', unchanged: '=' } as const;

function show(value: unknown): string {
  if (value === NEW_OBJECT_ID) return '(created by this apply)';
  if (value === undefined) return '(unset)';
  const text = typeof value === 'string' ? value : YAML.stringify(value, { lineWidth: 0 }).trim();
  return text.replaceAll(NEW_OBJECT_ID, '(created by this apply)').replace(/\n/g, '\n        ');
}

/** The plan as a diff for people: one line per object, one per changed field. */
export function renderPlan(plan: Plan, verbose = false): string {
  const lines: string[] = [];
  for (const change of plan.changes) {
    if (change.op === 'unchanged' && !verbose) continue;
    const note = change.reason
      ? ` (${change.reason})`
      : change.op === 'adopt'
        ? ' (exists, unchanged: will be managed)'
        : change.op === 'delete'
          ? ' (no file declares it: pruned)'
          : '';
    lines.push(`${SIGN[change.op]} ${change.op} ${change.kind} ${change.name}${note}`);
    for (const field of change.fields) lines.push(`    ${field.field}: ${show(field.from)} → ${show(field.to)}`);
  }
  for (const record of plan.kept) lines.push(`! ${record.kind} ${record.name} is no longer declared (kept; --prune deletes it)`);
  const count = (op: string) => plan.changes.filter((c) => c.op === op).length;
  lines.push(
    `${count('create')} to create, ${count('update')} to update, ${count('replace')} to replace, ${count('delete')} to delete, ` +
      `${count('unchanged') + count('adopt')} unchanged`,
  );
  return `${lines.join('\n')}\n`;
}

export function planIsEmpty(plan: Plan): boolean {
  return plan.changes.every((c) => c.op === 'unchanged');
}
