import { createContext, useContext } from 'react';
import { createInterflowClient, InterflowApiError, orThrow, type InterflowClient, type Schemas } from '@interflow/client';

export { orThrow, InterflowApiError };
export type { InterflowClient, Schemas };

/** The typed api client, same origin, with the signed-in token. */
export function clientFor(token: string): InterflowClient {
  return createInterflowClient({ baseUrl: window.location.origin, token });
}

export const ClientContext = createContext<InterflowClient | null>(null);

export function useClient(): InterflowClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside a signed-in session');
  return client;
}

/** A readable sentence for any failure (the api's own message when it sent one). */
export function messageOf(error: unknown): string {
  if (error instanceof InterflowApiError) {
    const fields = error.fields.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
