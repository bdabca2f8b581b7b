import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatMs, formatTime, JsonBlock, Section, StatusBadge } from '../components/bits';
import { JsonInput, useMethodSchema } from '../components/json-input';
import { useMe } from '../me';

export function RunView({ id }: { id: string }) {
  const client = useClient();
  const { canWrite } = useMe();
  const run = useQuery({ queryKey: ['run', id], queryFn: () => orThrow(client.GET('/v1/runs/{id}', { params: { path: { id } } })) });
  const action = useQuery({
    queryKey: ['action', run.data?.action_id],
    enabled: Boolean(run.data),
    queryFn: () => orThrow(client.GET('/v1/actions/{id}', { params: { path: { id: run.data?.action_id ?? '' } } })),
  });
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
      {canWrite && data && action.data && <Rerun actionId={data.action_id} input={data.input} action={action.data} />}
    </>
  );
}

function Rerun({ actionId, input, action }: { actionId: string; input: Record<string, unknown>; action: { deployment_id: string; method: string } }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const schema = useMethodSchema(action.deployment_id, action.method);
  const [value, setValue] = useState<Record<string, unknown> | null>(input);
  const rerun = useMutation({
    mutationFn: (body: Record<string, unknown>) => orThrow(client.POST('/v1/actions/{id}/runs', { params: { path: { id: actionId }, query: {} }, body: { input: body } })),
    onSuccess: (created) => navigate(`/runs/${created.id}`),
  });
  return (
    <Section title="Run again">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value) rerun.mutate(value);
        }}
      >
        <JsonInput id="rerun-input" label="Input (checked against the method's schema)" initial={input} schema={schema} onValid={setValue} />
        <ErrorNote error={rerun.error} />
        <button type="submit" disabled={!value || rerun.isPending}>
          Run again
        </button>
      </form>
    </Section>
  );
}
