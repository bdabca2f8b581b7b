import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatMs, formatTime, Section } from '../components/bits';
import { RunsChart } from '../components/runs-chart';
import { useLive } from '../live/live-updates';
import { useQueueStats } from './queues';

/** Heartbeats older than this mean the consumer is probably gone (housekeeping removes it later). */
const SILENT_MS = 30_000;

export function OverviewView() {
  const client = useClient();
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => orThrow(client.GET('/v1/overview')) });
  const consumers = useQuery({ queryKey: ['consumers'], queryFn: () => orThrow(client.GET('/v1/consumers', { params: { query: { limit: 200 } } })) });
  const queues = useQuery({ queryKey: ['queues', 'all'], queryFn: () => orThrow(client.GET('/v1/queues', { params: { query: { limit: 100 } } })) });
  const names = (queues.data?.items ?? []).map((queue) => queue.name);
  const stats = useQueueStats(names);
  const live = useLive();
  const daemons = new Map<string, { name: string; host: string; pid: number; queues: string[]; heartbeat: string }>();
  for (const consumer of consumers.data?.items ?? []) {
    const key = `${consumer.name}@${consumer.host}:${consumer.pid}`;
    const entry = daemons.get(key) ?? { name: consumer.name, host: consumer.host, pid: consumer.pid, queues: [], heartbeat: consumer.heartbeat_at };
    entry.queues.push(consumer.queue);
    if (consumer.heartbeat_at > entry.heartbeat) entry.heartbeat = consumer.heartbeat_at;
    daemons.set(key, entry);
  }
  const deadLetters = names
    .filter((name) => (queues.data?.items ?? []).some((queue) => queue.policy.dead_letter_queue === name))
    .reduce((sum, name) => sum + (live.depths.get(name)?.ready ?? stats.get(name)?.ready ?? 0), 0);
  const scheduler = overview.data?.scheduler;
  return (
    <div className="grid">
      <Section title="Runs per minute">
        <ErrorNote error={overview.error} />
        <RunsChart rows={overview.data?.runs_per_minute ?? []} />
      </Section>
      <Section title="At a glance">
        <dl className="facts">
          <dt>Dead letters</dt>
          <dd>{deadLetters}</dd>
          <dt>Scheduler lag</dt>
          <dd>{scheduler ? formatMs(scheduler.lag_ms) : 'n/a (scoped token)'}</dd>
          <dt>Schedules due now</dt>
          <dd>{scheduler ? `${scheduler.due} of ${scheduler.enabled} enabled` : '—'}</dd>
          <dt>Daemons seen</dt>
          <dd>{daemons.size}</dd>
        </dl>
      </Section>
      <Section title="Daemons seen">
        <ErrorNote error={consumers.error} />
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">Daemon</th>
                <th scope="col">Host · pid</th>
                <th scope="col">Queues</th>
                <th scope="col">Last heartbeat</th>
              </tr>
            </thead>
            <tbody>
              {[...daemons.values()].map((daemon) => (
                <tr key={`${daemon.host}-${daemon.pid}-${daemon.name}`}>
                  <td>
                    {daemon.name} {Date.now() - new Date(daemon.heartbeat).getTime() > SILENT_MS ? <span className="badge badge-failed">silent</span> : null}
                  </td>
                  <td>
                    {daemon.host} · {daemon.pid}
                  </td>
                  <td>{daemon.queues.join(', ')}</td>
                  <td>{formatTime(daemon.heartbeat)}</td>
                </tr>
              ))}
              {daemons.size === 0 && (
                <tr>
                  <td colSpan={4}>No consumer has registered.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Queues" actions={<Link href="/queues">All queues</Link>}>
        <QueueDepthTable names={names} stats={stats} />
      </Section>
    </div>
  );
}

export function QueueDepthTable({ names, stats }: { names: string[]; stats: ReturnType<typeof useQueueStats> }) {
  const live = useLive();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className="num">Ready</th>
            <th scope="col" className="num">Delayed</th>
            <th scope="col" className="num">In flight</th>
            <th scope="col" className="num">Dead</th>
            <th scope="col" className="num">In/s</th>
            <th scope="col" className="num">Acked/s</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const stat = stats.get(name);
            const depth = live.depths.get(name) ?? stat;
            return (
              <tr key={name}>
                <td>
                  <Link href={`/queues/${encodeURIComponent(name)}`}>{name}</Link>
                </td>
                <td className="num">{depth?.ready ?? '…'}</td>
                <td className="num">{depth?.delayed ?? '…'}</td>
                <td className="num">{depth?.in_flight ?? '…'}</td>
                <td className="num">{stat?.dead ?? '…'}</td>
                <td className="num">{stat ? stat.published_per_second.toFixed(2) : '…'}</td>
                <td className="num">{stat ? stat.acked_per_second.toFixed(2) : '…'}</td>
              </tr>
            );
          })}
          {names.length === 0 && (
            <tr>
              <td colSpan={7}>No queues you may see.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
