import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { orThrow, useClient } from '../api';
import { ErrorNote, Section } from '../components/bits';
import { JsonInput } from '../components/json-input';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import type { Deployment } from '../types';

export function DeploymentsView() {
  const client = useClient();
  const { canWrite, unscoped } = useMe();
  const pages = useCursorPages('deployments');
  const deployments = useQuery({
    queryKey: ['deployments', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/deployments', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  return (
    <>
      <Section title="Deployments">
        <ErrorNote error={deployments.error} />
        <ul className="cards">
          {(deployments.data?.items ?? []).map((deployment) => (
            <DeploymentCard key={deployment.id} deployment={deployment} editable={canWrite} />
          ))}
        </ul>
        <Pager page={pages.page} nextCursor={deployments.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      {canWrite && unscoped && <CreateDeployment />}
    </>
  );
}

/** Credentials are write-only: the form starts empty and sends them only when something was typed. */
function DeploymentCard({ deployment, editable }: { deployment: Deployment; editable: boolean }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [connection, setConnection] = useState<Record<string, unknown> | null>(deployment.connection);
  const [credentials, setCredentials] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const etag = deployment.etag;
      const body: { connection?: Record<string, unknown>; credentials?: Record<string, unknown> } = {};
      if (connection) body.connection = connection;
      if (credentials.trim() !== '') body.credentials = JSON.parse(credentials) as Record<string, unknown>;
      return orThrow(client.PATCH('/v1/deployments/{id}', { params: { path: { id: deployment.id } }, headers: { 'If-Match': etag }, body }));
    },
    onSuccess: () => {
      setEditing(false);
      setCredentials('');
      void queryClient.invalidateQueries({ queryKey: ['deployments'] });
    },
  });
  return (
    <li className="card">
      <h3>{deployment.name}</h3>
      <p>Connection: {JSON.stringify(deployment.connection)}</p>
      <p>Credentials: {Object.keys(deployment.credentials).join(', ') || 'none'} (values are never shown)</p>
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit {deployment.name}
        </button>
      )}
      {editing && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <JsonInput id={`conn-${deployment.id}`} label="Connection (JSON, no secrets)" initial={deployment.connection} schema={null} onValid={setConnection} />
          <label>
            New credentials (JSON; leave empty to keep the current ones)
            <textarea rows={3} value={credentials} onChange={(e) => setCredentials(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <ErrorNote error={save.error} />
          <div className="row">
            <button type="submit" disabled={!connection}>
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

function CreateDeployment() {
  const client = useClient();
  const queryClient = useQueryClient();
  const services = useQuery({ queryKey: ['services', 'all'], queryFn: () => orThrow(client.GET('/v1/services', { params: { query: { limit: 500 } } })) });
  const [name, setName] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [connection, setConnection] = useState<Record<string, unknown> | null>({});
  const [credentials, setCredentials] = useState('');
  const create = useMutation({
    mutationFn: () =>
      orThrow(
        client.POST('/v1/deployments', {
          body: {
            name,
            service_id: serviceId,
            connection: connection ?? {},
            credentials: credentials.trim() ? (JSON.parse(credentials) as Record<string, unknown>) : {},
          },
        }),
      ),
    onSuccess: () => {
      setCredentials('');
      void queryClient.invalidateQueries({ queryKey: ['deployments'] });
    },
  });
  return (
    <Section title="New deployment">
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
          Service
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
            <option value="">choose…</option>
            {(services.data?.items ?? []).map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
        <JsonInput id="new-connection" label="Connection (JSON, no secrets)" initial={{}} schema={null} onValid={setConnection} />
        <label>
          Credentials (JSON; encrypted, never shown again)
          <textarea rows={3} value={credentials} onChange={(e) => setCredentials(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        <ErrorNote error={create.error} />
        <button type="submit" disabled={!connection}>
          Create deployment
        </button>
      </form>
    </Section>
  );
}
