import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { orThrow, useClient } from '../api';
import { CopyButton, ErrorNote, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import type { Service } from '../types';

type Methods = Service['methods'];

function parseMethods(text: string): Methods | null {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as Methods) : null;
  } catch {
    return null;
  }
}

export function ServicesView() {
  const client = useClient();
  const { isAdmin, unscoped } = useMe();
  const pages = useCursorPages('services');
  const services = useQuery({
    queryKey: ['services', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/services', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  return (
    <>
      <Section title="Services">
        <ErrorNote error={services.error} />
        <ul className="cards">
          {(services.data?.items ?? []).map((service) => (
            <ServiceCard key={service.id} service={service} editable={isAdmin && unscoped} />
          ))}
        </ul>
        <Pager page={pages.page} nextCursor={services.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      {isAdmin && unscoped && <CreateService />}
    </>
  );
}

function ServiceCard({ service, editable }: { service: Service; editable: boolean }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [baseUrl, setBaseUrl] = useState(service.base_url);
  const [methods, setMethods] = useState(JSON.stringify(service.methods, null, 2));
  const save = useMutation({
    mutationFn: () => {
      const parsed = parseMethods(methods);
      if (!parsed) throw new Error('methods must be a JSON array');
      return orThrow(client.PATCH('/v1/services/{id}', { params: { path: { id: service.id } }, body: { base_url: baseUrl, methods: parsed } }));
    },
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['services'] });
    },
  });
  return (
    <li className="card">
      <h3>{service.name}</h3>
      <p>{service.base_url}</p>
      <p>Methods: {service.methods.map((method) => method.name).join(', ') || '—'}</p>
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit {service.name}
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
          <label>
            Base URL
            <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
          </label>
          <label>
            Methods (JSON array)
            <textarea rows={8} value={methods} onChange={(e) => setMethods(e.target.value)} spellCheck={false} />
          </label>
          <ErrorNote error={save.error} />
          <div className="row">
            <button type="submit">Save</button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function CreateService() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [methods, setMethods] = useState('[{"name": "ping", "path": "/ping"}]');
  const create = useMutation({
    mutationFn: () => {
      const parsed = parseMethods(methods);
      if (!parsed) throw new Error('methods must be a JSON array');
      return orThrow(client.POST('/v1/services', { body: { name, base_url: baseUrl, methods: parsed } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['services'] }),
  });
  return (
    <Section title="New service">
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
          Base URL
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
        </label>
        <label>
          Methods (JSON array of name, http_method, path, input_schema)
          <textarea rows={5} value={methods} onChange={(e) => setMethods(e.target.value)} spellCheck={false} />
        </label>
        <ErrorNote error={create.error} />
        <button type="submit">Create service</button>
      </form>
      {create.data && 'signing_secret' in create.data && (
        <div className="secret" role="status">
          <p>Signing secret for the connector — shown once:</p>
          <code>{String(create.data.signing_secret)}</code> <CopyButton text={String(create.data.signing_secret)} />
        </div>
      )}
    </Section>
  );
}
