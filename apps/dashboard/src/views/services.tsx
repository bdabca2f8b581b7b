import { orThrow, useClient } from '../api';
import { Section } from '../components/bits';
import { Editable } from '../components/editable';
import { PagedCards } from '../components/paged-cards';
import { useMe } from '../me';
import { ServiceForm } from './service-form';

/** Services are installation-wide: only an unscoped admin registers or changes them. */
export function ServicesView() {
  const client = useClient();
  const { isAdmin, unscoped } = useMe();
  return (
    <>
      <PagedCards
        title="Services"
        queryKey="services"
        empty="No services."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/services', { params: { query: { limit, cursor } } }))}
        card={(service) => (
          <Editable
            name={service.name}
            editable={isAdmin && unscoped}
            view={
              <>
                <h3>{service.name}</h3>
                {service.description && <p>{service.description}</p>}
                <p>{service.base_url}</p>
                <p>Methods: {service.methods.map((method) => `${method.name} (${method.http_method} ${method.path})`).join(', ') || '—'}</p>
              </>
            }
            form={(close) => <ServiceForm service={service} onDone={close} />}
          />
        )}
      />
      {isAdmin && unscoped && (
        <Section title="New service">
          <ServiceForm onDone={() => undefined} />
        </Section>
      )}
    </>
  );
}
