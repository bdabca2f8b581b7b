import fs from 'node:fs';
import path from 'node:path';

/**
 * The wall around the notification tables: only this package's sources name them in
 * SQL (migrations create them). Everyone else goes through its functions.
 */
const TABLES = [
  'recipients',
  'recipient_groups',
  'recipient_group_members',
  'notifications',
  'notification_deliveries',
  'notification_sends',
  'notification_history',
];
const SQL_NAMING = new RegExp(`\\b(from|into|update|join|table)\\s+(${TABLES.join('|')})\\b`, 'i');
const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('the notification tables', () => {
  it('are named in SQL by packages/notifications alone', () => {
    const roots = ['apps', 'packages'].flatMap((top) =>
      fs.readdirSync(path.join(ROOT, top)).map((name) => path.join(ROOT, top, name, 'src')),
    );
    const offenders = roots
      .filter((root) => !root.startsWith(path.join(ROOT, 'packages', 'notifications')))
      .flatMap(sourceFiles)
      .filter((file) => SQL_NAMING.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
    expect(sourceFiles(path.join(ROOT, 'packages', 'notifications', 'src')).some((file) => SQL_NAMING.test(fs.readFileSync(file, 'utf8')))).toBe(true);
  });
});
