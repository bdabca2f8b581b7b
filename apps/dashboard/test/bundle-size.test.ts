import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const DIST = path.resolve(__dirname, '..', 'dist');
const LIMIT_BYTES = 300 * 1024;

/** The shipped JavaScript stays small: every script of the built dashboard, gzipped, summed. */
describe('the built dashboard', () => {
  it('ships at most 300 KB of gzipped JavaScript', () => {
    const assets = path.join(DIST, 'assets');
    expect(fs.existsSync(path.join(DIST, 'index.html'))).toBe(true);
    const scripts = fs.readdirSync(assets).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, file)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('loads no script from another origin and puts no token in its page', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/ifw_/);
  });
});
