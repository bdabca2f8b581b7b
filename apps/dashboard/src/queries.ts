import { useQuery } from '@tanstack/react-query';
import { orThrow, useClient } from './api';
import type { JsonSchema } from './forms/schema-problems';

/**
 * The registry as choices for a form's selects (up to 500 of each). Lists on screen page
 * on the server; a choice list is one page, which is what a select can show anyway.
 */
const CHOICES = 500;

export function useDeploymentChoices() {
  const client = useClient();
  return useQuery({ queryKey: ['deployments', 'all'], queryFn: () => orThrow(client.GET('/v1/deployments', { params: { query: { limit: CHOICES } } })) });
}

export function useServiceChoices() {
  const client = useClient();
  return useQuery({ queryKey: ['services', 'all'], queryFn: () => orThrow(client.GET('/v1/services', { params: { query: { limit: CHOICES } } })) });
}

export function useActionChoices() {
  const client = useClient();
  return useQuery({ queryKey: ['actions', 'all'], queryFn: () => orThrow(client.GET('/v1/actions', { params: { query: { limit: CHOICES } } })) });
}

export function useRecipientChoices() {
  const client = useClient();
  return useQuery({ queryKey: ['recipients', 'all'], queryFn: () => orThrow(client.GET('/v1/recipients', { params: { query: { limit: CHOICES } } })) });
}

export function useGroupChoices() {
  const client = useClient();
  return useQuery({ queryKey: ['groups', 'all'], queryFn: () => orThrow(client.GET('/v1/groups', { params: { query: { limit: CHOICES } } })) });
}

export function useAction(id: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: ['action', id],
    enabled: Boolean(id),
    queryFn: () => orThrow(client.GET('/v1/actions/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The service of a deployment, with its methods. */
export function useServiceOf(deploymentId: string | undefined) {
  const client = useClient();
  const deployment = useQuery({
    queryKey: ['deployment', deploymentId],
    enabled: Boolean(deploymentId),
    queryFn: () => orThrow(client.GET('/v1/deployments/{id}', { params: { path: { id: deploymentId ?? '' } } })),
  });
  const serviceId = deployment.data?.service_id;
  return useQuery({
    queryKey: ['service', serviceId],
    enabled: Boolean(serviceId),
    queryFn: () => orThrow(client.GET('/v1/services/{id}', { params: { path: { id: serviceId ?? '' } } })),
  });
}

/** The JSON Schema a deployment's method declares for its input (null when it declares none). */
export function useMethodSchema(deploymentId: string | undefined, method: string | undefined): JsonSchema | null {
  const service = useServiceOf(deploymentId);
  return (service.data?.methods.find((candidate) => candidate.name === method)?.input_schema as JsonSchema | null | undefined) ?? null;
}
