import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createSilentLogger, systemClock } from '@interflow/core';
import { waitFor } from '@interflow/test-kit';
import { startSystem, type RunningSystem } from './support-system';

/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against
 * the real system: api serving /ui, producer, runner, a connector, PostgreSQL.
 * DASHBOARD_SCREENSHOTS=1 also writes the README's screenshots to docs/screenshots/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS === '1' ? path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots') : null;
const LIVE_MS = 60_000;
/** A browser on a busy two-core machine: generous per-test limits (waits are on conditions, not sleeps). */
const TEST_MS = 300_000;

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function signedIn(token: string, viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; page: Page }> {
  // a zone no test schedule uses: a time shown in a schedule's own zone is then really converted
  const context = await browser.newContext({ viewport, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  // an exception in the page says more than the timeout it leads to
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.stack ?? error.message}\n`));
  await page.goto(`${system.baseUrl}/ui/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'live' }).first().waitFor({ timeout: LIVE_MS });
  return { context, page };
}

/** Opens a section and waits for its lists' first data: a list that arrives after a click moves what was clicked. */
async function go(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section, exact: true }).click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('main [aria-busy="true"]') === null, undefined, { timeout: LIVE_MS });
}

/** Serious and critical accessibility violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The page as it is on screen, or one part of it (`of`). */
async function screenshot(page: Page, name: string, of?: Locator): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await (of ?? page).screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function trigger(name: string): Promise<string> {
  const run = await system.call<{ id: string }>('POST', `/v1/actions/${system.actionId}/runs`, { input: { name } });
  return run.id;
}

describe('the dashboard', () => {
  it('keeps the token out of the URL, signs in, and shows a run appear and finish live, without reload', async () => {
    const { context, page } = await signedIn(system.adminToken);
    expect(page.url()).not.toContain(system.adminToken);
    expect(await page.evaluate('sessionStorage.getItem("interflow.token")')).toBe(system.adminToken);
    await go(page, 'Runs');
    let reloaded = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });
    const runId = await trigger('Ada');
    const row = page.locator(`tr[data-run-id="${runId}"]`);
    await row.waitFor({ timeout: LIVE_MS });
    await row.getByText('succeeded').waitFor({ timeout: LIVE_MS });
    expect(reloaded).toBe(false);
    await row.getByRole('link').click();
    await page.getByText('"greeting": "hello Ada"').first().waitFor();
    await screenshot(page, 'run');
    await context.close();
  }, TEST_MS);

  it('keeps the overview still while live data streams in (no layout shift)', async () => {
    const { context, page } = await signedIn(system.adminToken);
    const chart = page.getByRole('img', { name: /^Runs per minute/ });
    const runsCharted = async () => Number(/: (\d+) runs$/.exec((await chart.getAttribute('aria-label')) ?? '')?.[1] ?? NaN);
    // first the page fills in; from then on, only values may change
    await chart.waitFor();
    await page.locator('.panel table td.num').first().waitFor();
    await waitFor(async () => !(await page.getByRole('main').innerText()).includes('…'), { description: 'the overview to load' });
    const before = await runsCharted();
    await page.evaluate(() => {
      const seen: number[] = [];
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => (entry as PerformanceEntry & { value: number }).value)));
      observer.observe({ type: 'layout-shift' });
      // the shifts so far: those delivered, and those still queued for the observer
      (window as unknown as { layoutShifts(): number[] }).layoutShifts = () => [...seen, ...observer.takeRecords().map((entry) => (entry as PerformanceEntry & { value: number }).value)];
    });
    await Promise.all(['Lin', 'Mae', 'Ned'].map((name) => trigger(name)));
    await waitFor(async () => (await runsCharted()) >= before + 3, { description: 'the three runs charted live', timeoutMs: LIVE_MS });
    // nothing was typed or clicked meanwhile: every shift counts
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts(): number[] }).layoutShifts());
    expect(shifts).toEqual([]);
    await context.close();
  }, TEST_MS);

  it('finds a failed run and shows its error', async () => {
    const runId = await trigger('nobody');
    await waitFor(async () => (await system.call<{ status: string }>('GET', `/v1/runs/${runId}`)).status === 'failed', {
      description: 'the run to fail',
      timeoutMs: LIVE_MS,
    });
    const { context, page } = await signedIn(system.adminToken);
    await go(page, 'Runs');
    await page.getByLabel('Status').selectOption('failed');
    await page.locator(`tr[data-run-id="${runId}"]`).getByRole('link').click();
    await page.getByRole('heading', { name: 'Error' }).waitFor();
    await page.getByLabel('run error').getByText('there is nobody to greet').waitFor();
    await context.close();
  }, TEST_MS);

  it('redrives a dead letter after confirmation', async () => {
    const broker = new PostgresBroker({ sql: system.db.sql, logger: createSilentLogger(), schema: system.db.schema, clock: systemClock });
    try {
      await system.call('POST', '/v1/queues', { name: 'orders.dead' });
      await system.call('POST', '/v1/queues', { name: 'orders', policy: { max_attempts: 1, dead_letter_queue: 'orders.dead' } });
      await system.call('POST', '/v1/queues/orders/publish', { payload: { order: 42 } });
      const [delivery] = await broker.claim('orders', { max: 1, leaseMs: 60_000, consumerId: 'dashboard-test' });
      if (!delivery) throw new Error('nothing to claim');
      await broker.reject(delivery, 'malformed order');
    } finally {
      await broker.close();
    }
    const { context, page } = await signedIn(system.adminToken);
    await go(page, 'Queues');
    await page.getByRole('link', { name: 'orders.dead' }).click();
    await page.getByText(/Died in orders: .*malformed order/).waitFor();
    await screenshot(page, 'dead-letters');
    await page.getByRole('button', { name: /^Redrive #/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Redrive' }).click();
    await page.getByText('Redrove 1 dead letters.').waitFor();
    const waiting = await system.call<{ items: { payload: unknown }[] }>('GET', '/v1/queues/orders/messages');
    expect(waiting.items.map((message) => message.payload)).toEqual([{ order: 42 }]);
    await context.close();
  }, TEST_MS);

  it('names the field a schema refuses, keeps credentials write-only, and reruns a run with an edited input', async () => {
    const runId = await trigger('Grace');
    await waitFor(async () => (await system.call<{ status: string }>('GET', `/v1/runs/${runId}`)).status === 'succeeded', {
      description: 'the run to succeed',
      timeoutMs: LIVE_MS,
    });
    const { context, page } = await signedIn(system.adminToken);

    // the api's request schema, checked in the browser: nothing is sent while a field is wrong
    await go(page, 'Actions');
    const newAction = page.getByRole('form', { name: 'New action' });
    await newAction.getByLabel('Name', { exact: true }).fill('Bad Name');
    await newAction.getByLabel('Timeout (ms)').fill('0');
    await newAction.getByRole('button', { name: 'Create action' }).click();
    await newAction.getByText('Name: has characters or a form that is not allowed').waitFor();
    await newAction.getByText('Timeout (ms): must be at least 1').waitFor();
    await newAction.getByText('Deployment: is required').waitFor();
    await waitFor(() => newAction.getByLabel('Name', { exact: true }).evaluate((input) => input === document.activeElement), {
      description: 'the first wrong field to take the focus',
    });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'form-problems', page.getByRole('region', { name: 'New action' }));
    const actions = await system.call<{ items: { name: string }[] }>('GET', '/v1/actions');
    expect(actions.items.map((action) => action.name)).toEqual(['greet']);

    // credentials: the names are shown, the values never
    await go(page, 'Deployments');
    await page.getByRole('button', { name: 'Edit greeter-prod' }).click();
    await expect(page.getByLabel('New value of api_key').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain('k-1');
    // what only the api can judge comes back to the field it is about
    const newDeployment = page.getByRole('form', { name: 'New deployment' });
    await newDeployment.getByLabel('Name', { exact: true }).fill('leaky');
    await newDeployment.getByLabel('Service').selectOption({ label: 'greeter' });
    await newDeployment.getByLabel('Connection as JSON').fill('{"password": "hunter2"}');
    await newDeployment.getByRole('button', { name: 'Create deployment' }).click();
    await newDeployment.getByText('Connection as JSON: password looks like a secret: put it in credentials, which are encrypted').waitFor();
    // an edit sends what changed; the credential left alone stays as it was
    const edit = page.getByRole('form', { name: 'Edit greeter-prod' });
    await edit.getByLabel('Requests at most').fill('100');
    await edit.getByLabel('Per (ms)').fill('1000');
    await edit.getByRole('button', { name: 'Save greeter-prod' }).click();
    await page.getByText('Rate limit: 100 per 1000 ms').waitFor();
    const deployment = await system.call<{ credentials: Record<string, string>; rate_limit: unknown }>('GET', `/v1/deployments/${system.deploymentId}`);
    expect(deployment).toMatchObject({ credentials: { api_key: '[redacted]' }, rate_limit: { requests: 100, interval_ms: 1000 } });

    // rerun: the same input, edited; the method's JSON Schema names the field first
    await page.goto(`${system.baseUrl}/ui/runs/${runId}`);
    const rerun = page.getByRole('form', { name: 'Run again' });
    const name = rerun.getByLabel('name', { exact: true });
    await expect(name.inputValue()).resolves.toBe('Grace');
    await name.fill('');
    await rerun.getByText('name: is required').waitFor();
    await rerun.getByRole('button', { name: 'Run again' }).click();
    await waitFor(() => name.evaluate((input) => input === document.activeElement), { description: 'the refused field to take the focus back' });
    expect(page.url()).toContain(runId);
    await name.fill('Hopper');
    await rerun.getByRole('button', { name: 'Run again' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/ui/runs/') && !url.pathname.endsWith(runId));
    await page.getByText('"greeting": "hello Hopper"').first().waitFor({ timeout: LIVE_MS });
    const newRunId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const newRun = await system.call<{ input: unknown; trigger: string; action_id: string }>('GET', `/v1/runs/${newRunId}`);
    expect(newRun).toMatchObject({ input: { name: 'Hopper' }, trigger: 'api', action_id: system.actionId });
    await context.close();
  }, TEST_MS);

  it('creates a token and shows its secret once, ready for the next', async () => {
    const { context, page } = await signedIn(system.adminToken);
    await go(page, 'Tokens');
    const form = page.getByRole('form', { name: 'New token' });
    await form.getByLabel('Name', { exact: true }).fill('ci pipeline');
    await form.getByLabel('Role').selectOption('operator');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('[data-secret="token"]').innerText()).trim();
    await expect(form.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('');
    const whoami = await fetch(`${system.baseUrl}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } });
    expect(await whoami.json()).toMatchObject({ name: 'ci pipeline', role: 'operator' });
    // the list shows its prefix, never the secret
    await page.getByRole('cell', { name: 'ci pipeline', exact: true }).waitFor();
    expect((await page.getByRole('table').innerText()).includes(secret)).toBe(false);
    await context.close();
  }, TEST_MS);

  it('creates a schedule, shows its next fires in its time zone, fires it now, and pauses it', async () => {
    const { context, page } = await signedIn(system.adminToken);
    await go(page, 'Schedules');
    const form = page.getByRole('form', { name: 'New schedule' });
    await form.getByLabel('Name', { exact: true }).fill('nightly-greeting');
    await form.getByLabel('Action').selectOption({ label: 'greet' });
    // the input's fields come from the method's JSON Schema
    await form.getByLabel('name', { exact: true }).fill('night');
    await form.getByLabel('Cron expression').fill('0 30 2 * * *');
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    const card = page.locator('[data-schedule="nightly-greeting"]');
    await card.getByText('Next fires (Europe/Berlin)').waitFor();
    await card.getByText('active').waitFor();
    // 02:30 on Berlin's wall clock, whatever the browser's own zone
    await card.getByText(/Next fires \(Europe\/Berlin\): .*2:30:00/).waitFor();
    await screenshot(page, 'schedules');
    await card.getByRole('button', { name: 'Fire nightly-greeting now' }).click();
    await waitFor(
      async () => {
        const runs = await system.call<{ items: { input: { name?: string } }[] }>('GET', `/v1/runs?action_id=${system.actionId}&trigger=schedule`);
        return runs.items.some((run) => run.input.name === 'night');
      },
      { description: "the fired schedule's run", timeoutMs: LIVE_MS },
    );
    await card.getByText(/^Last fired: \d/).waitFor({ timeout: LIVE_MS });
    await card.getByRole('button', { name: 'Pause nightly-greeting' }).click();
    await card.getByText('paused', { exact: true }).first().waitFor();
    const schedules = await system.call<{ items: { name: string; enabled: boolean }[] }>('GET', '/v1/schedules');
    expect(schedules.items.find((schedule) => schedule.name === 'nightly-greeting')?.enabled).toBe(false);
    await context.close();
  }, TEST_MS);

  it('creates a recipient and a group, publishes a notification needing confirmation, and shows it confirmed once the recipient confirms in the inbox', async () => {
    const { context, page } = await signedIn(system.adminToken);
    await go(page, 'Recipients');
    const newGroup = page.getByRole('form', { name: 'New group' });
    await newGroup.getByLabel('Group name').fill('on-call');
    // the api's answer, awaited beside the click: a refusal or a lost click is named here rather than as a missing card
    const [created] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/v1/groups'),
      newGroup.getByRole('button', { name: 'Create group' }).click(),
    ]);
    expect({ status: created.status(), body: created.status() === 201 ? null : await created.text() }).toEqual({ status: 201, body: null });
    await page.locator('[data-group="on-call"]').waitFor();
    const newRecipient = page.getByRole('form', { name: 'New recipient' });
    await newRecipient.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await newRecipient.getByLabel('Webhook URL').fill('https://hooks.example.com/ada');
    await newRecipient.getByRole('group', { name: 'Groups' }).getByLabel('on-call').check();
    await newRecipient.getByRole('button', { name: 'Create recipient' }).click();
    // the webhook's signing secret, made by the api, is shown once and never again
    const secret = (await newRecipient.locator('[data-secret="webhook"]').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    const card = page.locator('[data-recipient="Ada Lovelace"]');
    await card.getByText('Groups: on-call').waitFor();
    await card.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    await expect(card.getByLabel('Webhook signing secret').inputValue()).resolves.toBe('');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'recipients');

    // a token that reaches her inbox and nothing else
    await go(page, 'Tokens');
    const tokenForm = page.getByRole('form', { name: 'New token' });
    await tokenForm.getByLabel('Name', { exact: true }).fill('ada inbox');
    await tokenForm.getByLabel('What it reaches').selectOption('inbox');
    await tokenForm.getByLabel('Recipient').selectOption({ label: 'Ada Lovelace' });
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const inboxToken = (await page.locator('[data-secret="token"]').innerText()).trim();

    await go(page, 'Notifications');
    const publish = page.getByRole('form', { name: 'Publish a notification' });
    await publish.getByLabel('Title').fill('Bank feed failing');
    await publish.getByLabel('Text', { exact: true }).fill('Five failures overnight.');
    await publish.getByLabel('Severity').selectOption('error');
    await publish.getByRole('group', { name: 'To groups' }).getByLabel('on-call').check();
    await publish.getByLabel('Each recipient must confirm it').check();
    await publish.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/ui\/notifications\/[0-9a-f-]{36}$/);
    const delivery = page.locator('tr[data-delivery="Ada Lovelace"]');
    await delivery.getByText('delivered', { exact: true }).waitFor({ timeout: LIVE_MS });

    // as Ada, in a browser of her own: her inbox only
    const ada = await signedIn(inboxToken);
    await ada.page.getByRole('heading', { name: 'Inbox of Ada Lovelace' }).waitFor();
    expect(await ada.page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts()).toEqual(['Inbox']);
    const item = ada.page.locator('[data-delivery="Bank feed failing"]');
    await item.getByText('Five failures overnight.').waitFor();
    const confirm = item.getByRole('form', { name: 'Confirm Bank feed failing' });
    await confirm.getByLabel('Comment').fill('restarted the feed');
    await screenshot(ada.page, 'inbox');
    expect(await seriousViolations(ada.page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Confirm Bank feed failing' }).click();
    await ada.page.getByRole('button', { name: 'All', exact: true }).click();
    await item.getByText(/^Confirmed .* by ada inbox: restarted the feed$/).waitFor();
    await ada.context.close();

    // the operator's page follows live: confirmed, by whom, with the comment, and in the history
    await delivery.getByText('confirmed', { exact: true }).waitFor({ timeout: LIVE_MS });
    await delivery.getByText(/by ada inbox: restarted the feed/).waitFor();
    await page.locator('.timeline li').filter({ hasText: /^confirmed/ }).waitFor({ timeout: LIVE_MS });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'notification');
    await context.close();
  }, TEST_MS);

  it('shows a viewer no write controls, in any view', async () => {
    // something of each kind on screen, each with the controls a writer would see
    const runId = await trigger('viewer');
    await system.call('POST', '/v1/schedules', {
      name: 'viewer-check',
      enabled: false,
      target: { type: 'action', action_id: system.actionId, input: { name: 'v' } },
      rule: { type: 'interval', every_ms: 3_600_000 },
    });
    const { context, page } = await signedIn(system.viewerToken);
    expect(await page.getByRole('link', { name: 'Tokens' }).count()).toBe(0);
    const writeControl = /^(Run |Run again|Pause|Resume|Fire |Purge|Redrive|Create|Edit|Revoke|Save|Add |Remove |Publish|Delete|New webhook secret)/;
    const shown = {
      Overview: 'Daemons seen',
      Queues: 'orders.dead',
      Runs: 'greet',
      Schedules: 'viewer-check',
      Services: 'greeter',
      Deployments: 'greeter-prod',
      Actions: 'greet',
      Notifications: 'Bank feed failing',
      Recipients: 'Ada Lovelace',
    };
    for (const [section, text] of Object.entries(shown)) {
      await go(page, section);
      await page.getByRole('main').getByText(text, { exact: true }).filter({ visible: true }).first().waitFor();
      expect({ section, controls: await page.getByRole('button', { name: writeControl }).count() }).toEqual({ section, controls: 0 });
    }
    await page.goto(`${system.baseUrl}/ui/runs/${runId}`);
    await page.getByRole('heading', { name: 'Attempts' }).waitFor();
    await page.getByLabel('run input').getByText('"name": "viewer"').waitFor();
    expect(await page.getByRole('button', { name: writeControl }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('link', { name: 'orders.dead' }).click();
    await page.getByRole('heading', { name: 'Queue orders.dead' }).waitFor();
    expect(await page.getByRole('button', { name: writeControl }).count()).toBe(0);
    await context.close();
  }, TEST_MS);

  it('has no serious or critical accessibility violation on any view, on a laptop and on a phone', async () => {
    const signInContext = await browser.newContext();
    const signIn = await signInContext.newPage();
    await signIn.goto(`${system.baseUrl}/ui/`);
    await signIn.getByLabel('API token').waitFor();
    expect({ view: 'sign-in', violations: await seriousViolations(signIn) }).toEqual({ view: 'sign-in', violations: [] });
    await signInContext.close();
    for (const viewport of [
      { width: 1280, height: 860 },
      { width: 390, height: 844 },
    ]) {
      const { context, page } = await signedIn(system.adminToken, viewport);
      // keyboard: the first Tab reaches the skip link, which moves the focus to the content
      await page.keyboard.press('Tab');
      expect(await page.getByRole('link', { name: 'Skip to content' }).evaluate((link) => link === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await waitFor(() => page.evaluate(() => document.activeElement?.id === 'main'), { description: 'the content to take the focus' });
      for (const section of ['Overview', 'Queues', 'Runs', 'Schedules', 'Services', 'Deployments', 'Actions', 'Notifications', 'Recipients', 'Tokens']) {
        await go(page, section);
        await page.locator('.panel').first().waitFor();
        if (section === 'Overview' && viewport.width > 1000) await screenshot(page, 'overview');
        expect({ view: section, width: viewport.width, violations: await seriousViolations(page) }).toEqual({
          view: section,
          width: viewport.width,
          violations: [],
        });
      }
      await context.close();
    }
  }, 2 * TEST_MS);
});
