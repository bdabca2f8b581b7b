import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createMetricsRegistry } from '@interflow/core';
import { createServer } from '../src/server';
import { createTestApi, type TestApi } from './support/test-api';

/** `/ui`: the dashboard's files, served from DASHBOARD_DIR. */
let api: TestApi;
let dir: string;

beforeAll(async () => {
  api = await createTestApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Interflow</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await api?.close();
});

describe('/ui', () => {
  it('serves the single page for every path under /ui, with a strict content security policy', async () => {
    const app = createServer({ ...api.deps, metrics: createMetricsRegistry('ui-files'), dashboardDir: dir });
    await request(app).get('/ui').expect(301).expect('location', '/ui/');
    for (const page of ['/ui/', '/ui/runs/123', '/ui/queues/orders.dead']) {
      const response = await request(app).get(page).expect(200);
      expect(response.text).toContain('<title>Interflow</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    const script = await request(app).get('/ui/assets/index-abc.js').expect(200);
    expect(script.headers['cache-control']).toContain('immutable');
    await request(app).get('/ui/assets/missing.js').expect(404);
    // The API itself is untouched.
    await request(app).get('/v1/whoami').expect(401);
  });

  it('says so when the dashboard is not built', async () => {
    const app = createServer({ ...api.deps, metrics: createMetricsRegistry('ui-missing'), dashboardDir: path.join(dir, 'nowhere') });
    const response = await request(app).get('/ui/').expect(404);
    expect(response.body.error.message).toContain('not built');
  });
});
