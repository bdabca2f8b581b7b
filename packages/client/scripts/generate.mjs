// Regenerates src/generated/openapi.ts from the api's OpenAPI document, built by the api's
// own document builder (no server, no database): `npm run generate -w packages/client`.
// With --check it writes nothing and exits 1 when the committed file is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const printer = join(here, '../../../apps/api/dist/print-openapi.js');
const target = join(here, '../src/generated/openapi.ts');
const documentTarget = join(here, '../src/generated/openapi.json');
export const REGENERATE = 'npm run generate -w packages/client';

const document = JSON.parse(execFileSync(process.execPath, [printer], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
// TypeScript refuses a recursive type reached through an indexed access
// (components["schemas"]["JsonValue"] inside itself), so that component is a recursive
// type alias declared here.
const ast = await openapiTS(document, {
  alphabetize: false,
  exportType: false,
  transform: (_schema, metadata) =>
    metadata.path === '#/components/schemas/JsonValue' ? ts.factory.createTypeReferenceNode('JsonValue') : undefined,
});
const header = [
  '// Generated from the api\'s OpenAPI document by packages/client/scripts/generate.mjs.',
  `// Do not edit: change the api's zod schemas, then run \`${REGENERATE}\`.`,
  'export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };',
  '',
].join('\n');
const generated = `${header}${astToString(ast)}`;
const documentText = `${JSON.stringify(document, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const read = (file) => { try { return readFileSync(file, 'utf8'); } catch { return ''; } };
  if (read(target) !== generated || read(documentTarget) !== documentText) {
    process.stderr.write(
      `packages/client/src/generated/openapi.{ts,json} is stale: the api's OpenAPI document changed.\n` +
        `Run \`${REGENERATE}\` and commit the result.\n`,
    );
    process.exit(1);
  }
  process.stdout.write('packages/client/src/generated/openapi.{ts,json} is up to date\n');
} else {
  writeFileSync(target, generated);
  writeFileSync(documentTarget, documentText);
  process.stdout.write(`wrote ${target} and openapi.json\n`);
}
