import { orThrow, useClient } from '../api';
import { Section } from '../components/bits';
import { Editable } from '../components/editable';
import { PagedCards } from '../components/paged-cards';
import { RunForm } from '../forms/run-form';
import { useMe } from '../me';
import type { Action } from '../types';
import { ActionForm } from './action-form';

export function ActionsView() {
  const client = useClient();
  const { canWrite } = useMe();
  return (
    <>
      <PagedCards
        title="Actions"
        queryKey="actions"
        empty="No actions."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/actions', { params: { query: { limit, cursor } } }))}
        card={(action) => <ActionCard action={action} />}
      />
      {canWrite && (
        <Section title="New action">
          <ActionForm onDone={() => undefined} />
        </Section>
      )}
    </>
  );
}

function ActionCard({ action }: { action: Action }) {
  const { canWrite } = useMe();
  return (
    <div data-action={action.name}>
      <Editable
        name={action.name}
        editable={canWrite}
        view={
          <>
            <h3>{action.name}</h3>
            {action.description && <p>{action.description}</p>}
            <p>
              Method {action.method} · timeout {action.timeout_ms} ms · {action.retry_policy.max_attempts} attempts
              {action.cache_ttl_ms ? ` · cached ${action.cache_ttl_ms} ms` : ''}
              {action.result_route ? ` · results to ${action.result_route.exchange || '(default)'} ${action.result_route.routing_key}` : ''}
            </p>
            {canWrite && <RunForm action={action} initial={{}} label={`Input for ${action.name}`} submitLabel={`Run ${action.name}`} />}
          </>
        }
        form={(close) => <ActionForm action={action} onDone={close} />}
      />
    </div>
  );
}
