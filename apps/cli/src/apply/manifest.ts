import fs from 'node:fs';
import path from 'node:path';
import YAML, { LineCounter } from 'yaml';
import { UsageError } from '../usage-error';
import { KIND_NAMES, type KindName } from './kinds';

export const API_VERSION = 'interflow/v1';

/** Where a document came from, for every error about it. */
export interface Source {
  file: string;
  /** 1-based position of the document in its file. */
  document: number;
  line: number;
}

/** One object a manifest declares. */
export interface Declared {
  kind: KindName;
  name: string;
  spec: Record<string, unknown>;
  source: Source;
}

/** A problem with a manifest: file, document and field, before anything is changed. */
export class ManifestError extends UsageError {
  constructor(
    readonly source: Source,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(`${source.file}: document ${source.document} (line ${source.line})${field ? `, field ${field}` : ''}: ${problem}`);
  }
}

export const where = (declared: Declared) => `${declared.kind} ${declared.name}`;

/** The YAML files under a path (a file, `-` for stdin, or a directory, recursively, sorted). */
export function manifestFiles(target: string, cwd: string): string[] {
  if (target === '-') return ['-'];
  const resolved = path.resolve(cwd, target);
  if (!fs.existsSync(resolved)) throw new UsageError(`-f ${target}: no such file or directory`);
  if (fs.statSync(resolved).isFile()) return [resolved];
  return fs
    .readdirSync(resolved, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
/** People and their groups are named as the api allows (spaces too): up to 200 characters, no space at either end. */
const PERSON_NAME = /^\S(?:.{0,198}\S)?$/;
const PERSON_KINDS: readonly string[] = ['Recipient', 'RecipientGroup'];

/** Parses every document of a YAML text; an empty document is skipped. */
export function parseManifest(text: string, file: string): Declared[] {
  const lineCounter = new LineCounter();
  const documents = YAML.parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(documents)) throw new UsageError(`${file}: no YAML documents`);
  const declared: Declared[] = [];
  documents.forEach((document, index) => {
    const line = lineCounter.linePos(document.range[0]).line;
    const source: Source = { file, document: index + 1, line };
    const [syntax] = document.errors;
    if (syntax) throw new ManifestError(source, null, `not valid YAML: ${syntax.message.split('\n')[0]}`);
    const value = document.toJS() as unknown;
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(source, null, 'expected a mapping with apiVersion, kind, metadata and spec');
    const object = value as Record<string, unknown>;
    const unknownKeys = Object.keys(object).filter((key) => !['apiVersion', 'kind', 'metadata', 'spec'].includes(key));
    if (unknownKeys.length > 0) throw new ManifestError(source, unknownKeys[0] ?? null, 'unknown field (expected apiVersion, kind, metadata, spec)');
    if (object.apiVersion !== API_VERSION) throw new ManifestError(source, 'apiVersion', `expected ${API_VERSION}`);
    if (typeof object.kind !== 'string' || !(KIND_NAMES as readonly string[]).includes(object.kind)) {
      throw new ManifestError(source, 'kind', `expected one of ${KIND_NAMES.join(', ')}`);
    }
    const metadata = object.metadata as Record<string, unknown> | undefined;
    const personal = PERSON_KINDS.includes(object.kind);
    if (!metadata || typeof metadata !== 'object' || typeof metadata.name !== 'string' || !(personal ? PERSON_NAME : NAME).test(metadata.name)) {
      throw new ManifestError(
        source,
        'metadata.name',
        personal ? 'expected a name of up to 200 characters, without spaces at either end' : 'expected a name of letters, digits, _ . : - (max 200)',
      );
    }
    const extra = Object.keys(metadata).filter((key) => key !== 'name');
    if (extra.length > 0) throw new ManifestError(source, `metadata.${extra[0]}`, 'unknown field (metadata has only name)');
    const spec = object.spec ?? {};
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new ManifestError(source, 'spec', 'expected a mapping');
    declared.push({ kind: object.kind as KindName, name: metadata.name, spec: spec as Record<string, unknown>, source });
  });
  return declared;
}

/** Every object the files declare; the same kind and name twice is an error. */
export function readManifests(targets: string[], cwd: string, stdin: () => string): Declared[] {
  const all = targets.flatMap((target) => manifestFiles(target, cwd)).flatMap((file) =>
    parseManifest(file === '-' ? stdin() : fs.readFileSync(file, 'utf8'), file === '-' ? '(stdin)' : path.relative(cwd, file) || file),
  );
  const seen = new Map<string, Declared>();
  for (const declared of all) {
    const key = `${declared.kind}/${declared.name}`;
    const first = seen.get(key);
    if (first) throw new ManifestError(declared.source, 'metadata.name', `${key} is declared twice (also ${first.source.file} document ${first.source.document})`);
    seen.set(key, declared);
  }
  return all;
}
