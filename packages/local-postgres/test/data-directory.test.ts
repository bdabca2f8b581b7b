import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDirectoryHolder, DataDirectoryInUseError, waitForFreeDataDirectory } from '../src/data-directory';

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

  it('a wait that finds it free returns at once; one that does not names the directory', async () => {
    await expect(waitForFreeDataDirectory(dataDir, 0, () => undefined)).resolves.toBeUndefined();
    const error = new DataDirectoryInUseError(dataDir, 4242, 30_000);
    expect(error.message).toContain(`${dataDir} is still in use by PostgreSQL process 4242`);
    expect(error.message).toContain('after waiting 30 s');
  });
});
