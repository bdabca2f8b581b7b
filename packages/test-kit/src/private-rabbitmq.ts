import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { freePort } from './test-server';

const run = promisify(execFile);

/** Booting takes a few seconds on a quiet machine, much longer on a loaded one (and after a SIGKILL, recovery comes first). */
const START_TIMEOUT_MS = 240_000;
const OUTPUT_KEPT_CHARS = 8_000;

/**
 * Runs rabbitmq-server ($1) beside a watcher of the test process ($4): if that process
 * dies without removing the node (SIGKILL of a jest worker), the watcher kills the VM
 * (pid file $2) and deletes the node's directory ($3). A watcher outlives its server (a
 * restart starts another); it acts only once the test process is gone.
 */
const WATCHED_SERVER = `
{ while kill -0 "$4"; do sleep 2; done; kill -KILL "$(cat "$2")"; rm -rf "$3"; } </dev/null >/dev/null 2>&1 &
exec "$1" </dev/null`;

/**
 * A RabbitMQ node only one test uses, so the test may stop it, kill it and start it
 * again on the same data: the shared server at 127.0.0.1:5672 must never be restarted
 * (every other RabbitMQ test beside it would fail). It shares nothing with that server:
 * its own node name, ports (AMQP and Erlang distribution, picked free at run time),
 * data, logs, configuration, plugins (none: no management port to clash) and Erlang
 * cookie, all under one temporary directory that `remove()` deletes. epmd is shared,
 * as it is by every Erlang node of a host.
 */
export class PrivateRabbitmq {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private output = '';
  private readonly killOnExit = () => {
    this.killNow();
    fs.rmSync(this.dir, { recursive: true, force: true });
  };

  private constructor(
    readonly dir: string,
    readonly nodeName: string,
    readonly port: number,
    private readonly distPort: number,
  ) {}

  /** Lays out the node's directory and picks its ports; nothing runs yet. */
  static async create(): Promise<PrivateRabbitmq> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interflow-private-rabbitmq-'));
    const node = new PrivateRabbitmq(dir, `interflow_private_${crypto.randomBytes(4).toString('hex')}@localhost`, await freePort(), await freePort());
    fs.mkdirSync(path.join(dir, 'home'));
    // The Erlang cookie in a HOME of its own: rabbitmqctl reaches this node, and only this node, with it.
    fs.writeFileSync(path.join(dir, 'home', '.erlang.cookie'), crypto.randomBytes(20).toString('hex').toUpperCase(), { mode: 0o400 });
    fs.writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
    fs.writeFileSync(path.join(dir, 'rabbitmq.conf'), 'log.console.level = warning\n');
    fs.writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
    process.once('exit', node.killOnExit);
    return node;
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the node (on the data it has, if it ran before) and resolves once it accepts AMQP connections. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.nodeName} is already running`);
    this.output = '';
    const child = spawn('/bin/sh', ['-c', WATCHED_SERVER, 'rabbitmq-server', rabbitmqScript('rabbitmq-server'), this.pidFile, this.dir, String(process.pid)], {
      env: this.environment(),
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT_CHARS));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    void this.exited.then(() => {
      if (this.child !== child) return;
      this.child = null;
      // a pid from a run that ended must never be killed later
      fs.rmSync(this.pidFile, { force: true });
    });
    try {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (!(await this.acceptsConnections())) {
        if (this.child !== child) throw new Error(`${this.nodeName} exited while starting`);
        if (Date.now() > deadline) throw new Error(`${this.nodeName} did not accept AMQP connections on port ${this.port} within ${START_TIMEOUT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } catch (error) {
      this.killNow();
      await this.exited;
      throw new Error(`${(error as Error).message}; its output:\n${this.output}`);
    }
  }

  /** A clean stop, as an operator makes it (`rabbitmqctl stop`): connections are closed by the server, queues written out. */
  async stop(): Promise<void> {
    if (!this.child) return;
    await this.ctl('stop');
    await this.exited;
  }

  /** SIGKILL of the Erlang VM: no goodbye to clients, no clean shutdown of the queues. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.killNow();
    await this.exited;
  }

  /** Runs rabbitmqctl against this node (`-n` and the cookie's HOME given). */
  async ctl(...args: string[]): Promise<string> {
    const { stdout } = await run(rabbitmqScript('rabbitmqctl'), ['-n', this.nodeName, ...args], { env: this.environment(), cwd: this.dir, timeout: 120_000 });
    return stdout;
  }

  /** Kills the node if it runs and deletes its directory (data, logs, cookie). */
  async remove(): Promise<void> {
    try {
      await this.kill();
    } finally {
      process.removeListener('exit', this.killOnExit);
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private killNow(): void {
    if (!this.child) return;
    // The VM's pid is in the pid file once it wrote it; the scripts around it end when it does.
    const pid = this.vmPid();
    if (pid === null) {
      // too early for the pid: the script traps SIGTERM and stops the VM it started
      this.child.kill('SIGTERM');
      return;
    }
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }

  private get pidFile(): string {
    return path.join(this.dir, 'rabbitmq.pid');
  }

  private vmPid(): number | null {
    try {
      const pid = Number(fs.readFileSync(this.pidFile, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  private async acceptsConnections(): Promise<boolean> {
    try {
      const connection = await amqp.connect(this.url, { timeout: 5_000 });
      await connection.close();
      return true;
    } catch {
      return false;
    }
  }

  private environment(): NodeJS.ProcessEnv {
    const dir = this.dir;
    return {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: path.join(dir, 'home'),
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      RABBITMQ_NODENAME: this.nodeName,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_DIST_PORT: String(this.distPort),
      RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(dir, 'log'),
      RABBITMQ_PID_FILE: this.pidFile,
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
      RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
      // not the host's /etc/rabbitmq/rabbitmq-env.conf, which names the shared node
      RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
      ERL_EPMD_ADDRESS: '127.0.0.1',
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    };
  }
}

/**
 * The RabbitMQ script on PATH. Debian's package puts a wrapper there that, run as root,
 * switches to the `rabbitmq` user (with the shared node's HOME and cookie); the script
 * it would run sits beside it, and that is the one a private node needs.
 */
function rabbitmqScript(name: 'rabbitmq-server' | 'rabbitmqctl'): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    let real: string;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      real = fs.realpathSync(candidate);
    } catch {
      continue;
    }
    if (path.basename(real) !== 'rabbitmq-script-wrapper') return candidate;
    const beside = path.join(path.dirname(real), name);
    if (fs.existsSync(beside)) return beside;
  }
  throw new Error(`${name} is not on PATH: a private RabbitMQ node needs RabbitMQ installed`);
}
