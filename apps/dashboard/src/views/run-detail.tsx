import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatMs, formatTime, JsonBlock, Section, StatusBadge } from '../components/bits';
import { RunForm } from '../forms/run-form';
import { useMe } from '../me';
import { useAction } from '../queries';

export function RunView({ id }: { id: string }) {
  const client = useClient();
  const { canWrite } = useMe();
  const run = useQuery({ queryKey: ['run', id], queryFn: () => orThrow(client.GET('/v1/runs/{id}', { params: { path: { id } } })) });
  const action = useAction(run.data?.action_id);
  const data = run.data;
  return (
    <>
      <p>
        <Link href="/runs">← Runs</Link>
      </p>
      <Section title={`Run of ${action.data?.name ?? '…'}`}>
        <ErrorNote error={run.error} />
        {data && (
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
            <dt>Trigger</dt>
            <dd>{data.trigger}</dd>
            <dt>Created</dt>
            <dd>{formatTime(data.created_at)}</dd>
            <dt>Finished</dt>
            <dd>{formatTime(data.finished_at)}</dd>
            <dt>Duration</dt>
            <dd>{formatMs(data.duration_ms)}</dd>
            <dt>From cache</dt>
            <dd>{data.from_cache ? 'yes' : 'no'}</dd>
          </dl>
        )}
        {data && (
          <div className="two">
            <div>
              <h3>Input</h3>
              <JsonBlock value={data.input} label="run input" />
            </div>
            <div>
              <h3>{data.error ? 'Error' : 'Response'}</h3>
              <JsonBlock value={data.error ?? data.response} label={data.error ? 'run error' : 'run response'} />
            </div>
          </div>
        )}
      </Section>
      <Section title="Attempts">
        <ol className="timeline">
          {(data?.attempts ?? []).map((attempt) => (
            <li key={attempt.attempt}>
              <div className="row spread">
                <strong>Attempt {attempt.attempt}</strong>
                <span>
                  {attempt.outcome ? <StatusBadge status={attempt.outcome} /> : <StatusBadge status="running" />} · HTTP {attempt.http_status ?? '—'} ·{' '}
                  {formatMs(attempt.duration_ms)} · {formatTime(attempt.started_at)}
                </span>
              </div>
              {attempt.error != null && <JsonBlock value={attempt.error} label={`error of attempt ${attempt.attempt}`} />}
              {attempt.response != null && <JsonBlock value={attempt.response} label={`response of attempt ${attempt.attempt}`} />}
            </li>
          ))}
          {data && data.attempts.length === 0 && <li>No attempt yet.</li>}
        </ol>
      </Section>
      {canWrite && data && action.data && (
        <Section title="Run again">
          <p className="hint">With the same input, or change it first: it is checked against the method's JSON Schema.</p>
          <RunForm key={data.id} action={action.data} initial={data.input} label="Input" submitLabel="Run again" />
        </Section>
      )}
    </>
  );
}
