import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type CliHarness, expectExit, startCliHarness } from './support/cli-harness';

let cli: CliHarness;

beforeAll(async () => {
  cli = await startCliHarness();
});

afterAll(async () => {
  await cli?.close();
});

const MAIN = path.resolve(__dirname, '../dist/main.js');

describe('interflow (commands against a running api)', () => {
  it('logs in to named contexts, stores them with mode 0600, and uses the current one', async () => {
    const noEnv = { INTERFLOW_URL: '', INTERFLOW_TOKEN: '' };
    const missing = await cli.run(['get', 'queues'], { env: noEnv });
    expect([missing.code, missing.stderr]).toEqual([2, 'error: no api to talk to: run `interflow login --url URL` or set INTERFLOW_URL\n']);
    const login = await cli.run(['login', '--url', cli.url, '--name', 'local'], { env: { INTERFLOW_URL: '', INTERFLOW_TOKEN: cli.token } });
    expectExit(login, 0);
    const file = path.join(cli.dir, 'config.yaml');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(YAML.parse(fs.readFileSync(file, 'utf8'))).toEqual({ current_context: 'local', contexts: { local: { url: cli.url, token: cli.token } } });
    expect((await cli.run(['get', 'queues'], { env: noEnv })).code).toBe(0);
    const wrong = await cli.run(['login', '--url', cli.url, '--name', 'bad'], { env: { INTERFLOW_URL: '', INTERFLOW_TOKEN: 'ifw_not_a_token' } });
    expectExit(wrong, 1);
    expect(wrong.stderr).toMatch(/\(401 unauthorized\)/);
    expect(Object.keys(YAML.parse(fs.readFileSync(file, 'utf8')).contexts)).toEqual(['local']);
    expect((await cli.run(['context', 'use', 'nowhere'], { env: noEnv })).code).toBe(2);
  });

  it('gets, describes and deletes, as tables and as json or yaml', async () => {
    expect((await cli.run(['queues', 'publish', 'jobs', '--payload', '{"n":1}'])).code).toBe(1);
    const declare = await fetch(`${cli.url}/v1/queues`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cli.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'jobs' }),
    });
    expect(declare.status).toBe(201);
    const table = await cli.run(['get', 'queues']);
    expect(table.stdout).toMatch(/^NAME\s+MAX ATTEMPTS\s+DEAD LETTERS TO\s+CREATED\n(.*\n)*jobs\s+5\s+-\s+\d{4}-/);
    const asYaml = YAML.parse((await cli.run(['get', 'queues', 'jobs', '-o', 'yaml'])).stdout) as { items: { name: string }[] };
    expect(asYaml.items.map((q) => q.name)).toEqual(['jobs']);
    expect((await cli.run(['queues', 'publish', 'jobs', '--payload', '{"n":1}', '--header', 'source=test'])).code).toBe(0);
    const peek = JSON.parse((await cli.run(['queues', 'peek', 'jobs', '-o', 'json'])).stdout) as { items: { payload: unknown }[] };
    expect(peek.items.map((m) => m.payload)).toEqual([{ n: 1 }]);
    expect((await cli.run(['queues', 'purge', 'jobs'])).stdout).toBe('purged 1 messages from jobs\n');
    const status = await cli.run(['status', '-o', 'json']);
    expectExit(status, 0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ready: true, queues: expect.arrayContaining([expect.objectContaining({ name: 'jobs', ready: 0 })]) });
    expect((await cli.run(['delete', 'queue', 'jobs'])).stdout).toBe('queue jobs deleted\n');
    const gone = await cli.run(['describe', 'queue', 'jobs']);
    expectExit(gone, 1);
    expect(gone.stderr).toMatch(/^error: .*jobs.* \(404 not_found\)\n$/);
  });

  it('gets, describes and deletes recipients and groups, and lists notifications', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${cli.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cli.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { id: string } }));
    const group = await post('/v1/groups', { name: 'night-shift' });
    const recipient = await post('/v1/recipients', { name: 'ops-desk', email: 'ops@example.com', group_ids: [group.body.id] });
    expect(recipient.status).toBe(201);
    expect((await post('/v1/notifications', { title: 'feed down', to: { groups: [group.body.id] } })).status).toBe(202);
    expect((await cli.run(['get', 'recipients'])).stdout).toMatch(/^NAME\s+E-MAIL\s+WEBHOOK\s+GROUPS\s+ID\n(.*\n)*ops-desk\s+ops@example.com\s+-\s+1\s/);
    expect((await cli.run(['get', 'groups'])).stdout).toMatch(/night-shift\s+1\s/);
    expect((await cli.run(['get', 'notifications'])).stdout).toMatch(/feed down\s+info\s/);
    const described = YAML.parse((await cli.run(['describe', 'recipient', 'ops-desk'])).stdout) as { id: string };
    expect(described.id).toBe(recipient.body.id);
    expect((await cli.run(['delete', 'recipient', 'ops-desk'])).code).toBe(0);
    expect((await cli.run(['describe', 'recipient', 'ops-desk'])).code).toBe(1);
  });

  it("prints the api's message and the field it names, with exit code 1", async () => {
    const bad = await cli.run(['queues', 'publish', 'Not A Name!', '--payload', '1']);
    expectExit(bad, 1);
    expect(bad.stderr).toMatch(/^error: .+ \(400 validation_failed\)\n  name: /);
  });

  it('pauses and resumes a schedule', async () => {
    const created = await fetch(`${cli.url}/v1/schedules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cli.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tick', target: { type: 'exchange', exchange: '', routing_key: 'nowhere' }, rule: { type: 'interval', every_ms: 60000 } }),
    });
    expect(created.status).toBe(201);
    expect((await cli.run(['schedules', 'pause', 'tick'])).code).toBe(0);
    expect(JSON.parse((await cli.run(['describe', 'schedule', 'tick', '-o', 'json'])).stdout).enabled).toBe(false);
    expect((await cli.run(['schedules', 'resume', 'tick'])).code).toBe(0);
    expect(JSON.parse((await cli.run(['describe', 'schedule', 'tick', '-o', 'json'])).stdout).enabled).toBe(true);
    // Deleted with the ETag just read (If-Match): it is gone.
    expect((await cli.run(['delete', 'schedule', 'tick'])).stdout).toBe('schedule tick deleted\n');
    expect((await cli.run(['describe', 'schedule', 'tick'])).code).toBe(1);
  });

  it('runs an action with --input @file and --wait, and shows the run with runs logs', async () => {
    const manifest = path.join(cli.dir, 'one-action.yaml');
    fs.writeFileSync(
      manifest,
      [
        'apiVersion: interflow/v1\nkind: Service\nmetadata: {name: nowhere}\nspec:\n  base_url: http://127.0.0.1:9\n  methods: [{name: ping, path: /ping}]',
        'apiVersion: interflow/v1\nkind: Deployment\nmetadata: {name: nowhere-prod}\nspec: {service: nowhere}',
        'apiVersion: interflow/v1\nkind: Action\nmetadata: {name: ping}\nspec: {deployment: nowhere-prod, method: ping}',
      ].join('\n---\n'),
    );
    expect((await cli.run(['apply', '-f', manifest, '--apply-set', 'actions-test'])).code).toBe(0);
    fs.writeFileSync(path.join(cli.dir, 'input.json'), '{"greeting": "hi"}');
    // No runner is attached in this test: the run stays queued, and --wait says so with exit code 1.
    const waited = await cli.run(['actions', 'run', 'ping', '--input', '@input.json', '--wait', '1'], { cwd: cli.dir });
    expectExit(waited, 1);
    const runId = /^run (\S+): queued/m.exec(waited.stdout)?.[1];
    expect(runId).toBeDefined();
    expect(waited.stderr).toBe(`error: run ${runId} did not end within 1 s\n`);
    const run = JSON.parse((await cli.run(['describe', 'run', String(runId), '-o', 'json'])).stdout) as { input: unknown; status: string };
    expect(run).toMatchObject({ input: { greeting: 'hi' }, status: 'queued' });
    expect((await cli.run(['runs', 'logs', String(runId)])).stdout).toMatch(new RegExp(`^run ${runId}: queued \\(trigger api`));
    const bad = await cli.run(['actions', 'run', 'ping', '--input', '@missing.json'], { cwd: cli.dir });
    expect([bad.code, bad.stderr]).toEqual([2, `error: --input: no file ${path.join(cli.dir, 'missing.json')}\n`]);
  });

  it('exits 2 on usage errors, prints --help with an example on every command, and completes bash and zsh', async () => {
    expect((await cli.run(['get', 'widgets'])).code).toBe(2);
    expect((await cli.run(['frobnicate'])).code).toBe(2);
    expect((await cli.run(['get', 'queues', '-o', 'xml'])).code).toBe(2);
    const bash = await cli.run(['completion', 'bash']);
    expect(bash.stdout).toContain('complete -o default -F _interflow_complete interflow');
    expect(bash.stdout).toContain('"get") words="');
    expect((await cli.run(['completion', 'zsh'])).stdout).toContain('bashcompinit');
    // Every command's --help carries an example: walk the tree from the top help.
    const { buildProgram } = await import('../src/cli');
    const { Runtime } = await import('../src/runtime');
    const program = buildProgram(new Runtime({ stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '.', readStdin: async () => '' }));
    const paths: string[][] = [];
    const walk = (command: typeof program, prefix: string[]) =>
      command.commands.forEach((sub) => {
        paths.push([...prefix, sub.name()]);
        walk(sub, [...prefix, sub.name()]);
      });
    walk(program, []);
    expect(paths.length).toBeGreaterThan(20);
    const withoutExample: string[] = [];
    for (const commandPath of paths) {
      const help = await cli.run([...commandPath, '--help']);
      if (help.code !== 0 || !/Examples?:\n {2}(source|interflow|INTERFLOW)/.test(help.stdout)) withoutExample.push(commandPath.join(' '));
    }
    expect(withoutExample).toEqual([]);
  });

  it('runs as a real process with the documented exit codes', () => {
    const env = { PATH: process.env.PATH ?? '', INTERFLOW_URL: cli.url, INTERFLOW_TOKEN: cli.token, INTERFLOW_CONFIG: path.join(cli.dir, 'none.yaml') };
    const ok = spawnSync(process.execPath, [MAIN, 'get', 'queues', '-o', 'json'], { env, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(Array.isArray((JSON.parse(ok.stdout) as { items: unknown[] }).items)).toBe(true);
    const usage = spawnSync(process.execPath, [MAIN, 'get'], { env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'kind'");
    const failure = spawnSync(process.execPath, [MAIN, 'describe', 'queue', 'nope'], { env, encoding: 'utf8' });
    expect(failure.status).toBe(1);
  });
});
