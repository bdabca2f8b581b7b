import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REGENERATE = 'npm run generate -w packages/client';

describe('packages/client/src/generated/openapi.ts', () => {
  it("matches the api's current OpenAPI document", () => {
    // `npm test` (and land.sh) build apps/api first; the generator reads its document builder.
    const result = spawnSync(process.execPath, [path.join(__dirname, '../scripts/generate.mjs'), '--check'], {
      encoding: 'utf8',
      timeout: 100_000,
    });
    if (result.status !== 0) {
      throw new Error(
        `The typed client is stale (the api's routes or schemas changed). Run \`${REGENERATE}\` and commit ` +
          `packages/client/src/generated/openapi.{ts,json}.\n${result.stderr}${result.error ? String(result.error) : ''}`,
      );
    }
    expect(result.stdout).toContain('up to date');
  });
});
