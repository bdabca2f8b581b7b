import { orThrow, useClient } from '../api';
import { Section } from '../components/bits';
import { Editable } from '../components/editable';
import { PagedCards } from '../components/paged-cards';
import { useMe } from '../me';
import { DeploymentForm } from './deployment-form';

export function DeploymentsView() {
  const client = useClient();
  const { canWrite, unscoped } = useMe();
  return (
    <>
      <PagedCards
        title="Deployments"
        queryKey="deployments"
        empty="No deployments."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/deployments', { params: { query: { limit, cursor } } }))}
        card={(deployment) => (
          <Editable
            name={deployment.name}
            editable={canWrite}
            view={
              <>
                <h3>{deployment.name}</h3>
                {deployment.description && <p>{deployment.description}</p>}
                <p>Connection: {JSON.stringify(deployment.connection)}</p>
                <p>Credentials: {Object.keys(deployment.credentials).join(', ') || 'none'} (values are never shown)</p>
                <p>
                  Rate limit: {deployment.rate_limit ? `${deployment.rate_limit.requests} per ${deployment.rate_limit.interval_ms} ms` : 'none'} · at once:{' '}
                  {deployment.max_concurrency ?? 'no limit'}
                </p>
              </>
            }
            form={(close) => <DeploymentForm deployment={deployment} onDone={close} />}
          />
        )}
      />
      {canWrite && unscoped && (
        <Section title="New deployment">
          <DeploymentForm onDone={() => undefined} />
        </Section>
      )}
    </>
  );
}
