import type { paths } from '@interflow/client';

type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<R> = R[keyof R & (200 | 201 | 202)];

/** The JSON a successful call of `method path` answers, straight from the OpenAPI types. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? JsonBody<Success<R>> : never;

export type Page<P extends keyof paths> = Answer<P, 'get' & keyof paths[P]>;
export type Run = Answer<'/v1/runs/{id}', 'get'>;
export type RunListItem = Answer<'/v1/runs', 'get'> extends { items: (infer I)[] } ? I : never;
export type Queue = Answer<'/v1/queues', 'get'> extends { items: (infer I)[] } ? I : never;
export type QueueStats = Answer<'/v1/queues/{name}/stats', 'get'>;
export type PeekedMessage = Answer<'/v1/queues/{name}/messages', 'get'> extends { items: (infer I)[] } ? I : never;
export type Schedule = Answer<'/v1/schedules/{id}', 'get'>;
export type Service = Answer<'/v1/services/{id}', 'get'>;
export type Deployment = Answer<'/v1/deployments/{id}', 'get'>;
export type Action = Answer<'/v1/actions/{id}', 'get'>;
export type Token = Answer<'/v1/tokens', 'get'> extends { items: (infer I)[] } ? I : never;
export type Consumer = Answer<'/v1/consumers', 'get'> extends { items: (infer I)[] } ? I : never;
export type Recipient = Answer<'/v1/recipients/{id}', 'get'>;
export type RecipientGroup = Answer<'/v1/groups/{id}', 'get'>;
export type Notification = Answer<'/v1/notifications/{id}', 'get'>;
export type Delivery = Answer<'/v1/inbox/{id}', 'get'>;
export type HistoryEntry = Answer<'/v1/notifications/{id}/history', 'get'> extends { items: (infer I)[] } ? I : never;
export type Overview = Answer<'/v1/overview', 'get'>;

/** The JSON body of `method path`, straight from the OpenAPI types. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
