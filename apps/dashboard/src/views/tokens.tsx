import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { orThrow, useClient } from '../api';
import { ConfirmButton } from '../components/confirm';
import { CopyButton, ErrorNote, formatTime, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';

type Role = 'viewer' | 'operator' | 'admin';

export function TokensView() {
  const client = useClient();
  const queryClient = useQueryClient();
  const pages = useCursorPages('tokens');
  const tokens = useQuery({
    queryKey: ['tokens', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/tokens', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => orThrow(client.DELETE('/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  return (
    <>
      <Section title="Tokens">
        <ErrorNote error={tokens.error ?? revoke.error} />
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Prefix</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(tokens.data?.items ?? []).map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    {token.role}
                    {token.deployment_scopes ? ' (scoped)' : ''}
                  </td>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>{formatTime(token.last_used_at)}</td>
                  <td>
                    <ConfirmButton
                      label={`Revoke ${token.name}`}
                      question={`Revoke the token "${token.name}"? Anything using it stops working at once.`}
                      confirmLabel="Revoke"
                      onConfirm={() => revoke.mutate(token.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={pages.page} nextCursor={tokens.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      <CreateToken />
    </>
  );
}

function CreateToken() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [scopes, setScopes] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const ids = scopes.split(/[\s,]+/).filter(Boolean);
      return orThrow(client.POST('/v1/tokens', { body: { name, role, deployment_scopes: ids.length > 0 ? ids : null } }));
    },
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  return (
    <Section title="New token">
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
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option>viewer</option>
            <option>operator</option>
            <option>admin</option>
          </select>
        </label>
        <label>
          Limit to deployments (ids, comma separated; empty: all)
          <input value={scopes} onChange={(e) => setScopes(e.target.value)} />
        </label>
        <ErrorNote error={create.error} />
        <button type="submit">Create token</button>
      </form>
      {create.data && (
        <div className="secret" role="status">
          <p>The token "{create.data.name}" — shown once, copy it now:</p>
          <code data-secret="token">{create.data.token}</code> <CopyButton text={create.data.token} />
        </div>
      )}
    </Section>
  );
}
