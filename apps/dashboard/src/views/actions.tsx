import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, Section } from '../components/bits';
import { JsonInput, useMethodSchema } from '../components/json-input';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import type { Action } from '../types';

export function ActionsView() {
  const client = useClient();
  const { canWrite } = useMe();
  const pages = useCursorPages('actions');
  const actions = useQuery({
    queryKey: ['actions', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/actions', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  return (
    <>
      <Section title="Actions">
        <ErrorNote error={actions.error} />
        <ul className="cards">
          {(actions.data?.items ?? []).map((action) => (
            <ActionCard key={action.id} action={action} />
          ))}
        </ul>
        <Pager page={pages.page} nextCursor={actions.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      {canWrite && <CreateAction />}
    </>
  );
}

function ActionCard({ action }: { action: Action }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const { canWrite } = useMe();
  const [editing, setEditing] = useState(false);
  const schema = useMethodSchema(editing || canWrite ? action.deployment_id : undefined, action.method);
  const [defaults, setDefaults] = useState<Record<string, unknown> | null>(action.default_input);
  const [runInput, setRunInput] = useState<Record<string, unknown> | null>({});
  const save = useMutation({
    mutationFn: () => orThrow(client.PATCH('/v1/actions/{id}', { params: { path: { id: action.id } }, body: { default_input: defaults ?? {} } })),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
    },
  });
  const run = useMutation({
    mutationFn: () => orThrow(client.POST('/v1/actions/{id}/runs', { params: { path: { id: action.id }, query: {} }, body: { input: runInput ?? {} } })),
    onSuccess: (created) => navigate(`/runs/${created.id}`),
  });
  return (
    <li className="card" data-action={action.name}>
      <h3>{action.name}</h3>
      <p>
        Method {action.method} · timeout {action.timeout_ms} ms · {action.retry_policy.max_attempts} attempts
      </p>
      {canWrite && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            run.mutate();
          }}
        >
          <JsonInput id={`run-${action.id}`} label={`Input for ${action.name} (merged over the defaults)`} initial={{}} schema={schema} partial onValid={setRunInput} />
          <ErrorNote error={run.error} />
          <div className="row">
            <button type="submit" disabled={!runInput || run.isPending}>
              Run {action.name}
            </button>
            {!editing && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit defaults
              </button>
            )}
          </div>
        </form>
      )}
      {editing && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <JsonInput id={`defaults-${action.id}`} label="Default input" initial={action.default_input} schema={schema} partial onValid={setDefaults} />
          <ErrorNote error={save.error} />
          <div className="row">
            <button type="submit" disabled={!defaults}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function CreateAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  const deployments = useQuery({
    queryKey: ['deployments', 'all'],
    queryFn: () => orThrow(client.GET('/v1/deployments', { params: { query: { limit: 500 } } })),
  });
  const [name, setName] = useState('');
  const [deploymentId, setDeploymentId] = useState('');
  const [method, setMethod] = useState('');
  const deployment = deployments.data?.items.find((d) => d.id === deploymentId);
  const service = useQuery({
    queryKey: ['service', deployment?.service_id],
    enabled: Boolean(deployment),
    queryFn: () => orThrow(client.GET('/v1/services/{id}', { params: { path: { id: deployment?.service_id ?? '' } } })),
  });
  const schema = useMethodSchema(deploymentId || undefined, method || undefined);
  const [defaults, setDefaults] = useState<Record<string, unknown> | null>({});
  const create = useMutation({
    mutationFn: () => orThrow(client.POST('/v1/actions', { body: { name, deployment_id: deploymentId, method, default_input: defaults ?? {} } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['actions'] }),
  });
  return (
    <Section title="New action">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Deployment
          <select value={deploymentId} onChange={(e) => setDeploymentId(e.target.value)} required>
            <option value="">choose…</option>
            {(deployments.data?.items ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Method
          <select value={method} onChange={(e) => setMethod(e.target.value)} required>
            <option value="">choose…</option>
            {(service.data?.methods ?? []).map((m) => (
              <option key={m.name}>{m.name}</option>
            ))}
          </select>
        </label>
        <JsonInput key={method} id="new-action-defaults" label="Default input (checked against the method's schema)" initial={{}} schema={schema} partial onValid={setDefaults} />
        <ErrorNote error={create.error} />
        <button type="submit" disabled={!defaults}>
          Create action
        </button>
      </form>
    </Section>
  );
}
