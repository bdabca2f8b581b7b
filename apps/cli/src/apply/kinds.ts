import type { InterflowClient } from '@interflow/client';
import type { FieldChange } from './compare';
import { actionHandler, deploymentHandler, serviceHandler, subscriptionHandler } from './handlers/integrations';
import { recipientGroupHandler, recipientHandler } from './handlers/recipients';
import { scheduleHandler } from './handlers/schedule';
import { bindingHandler, exchangeHandler, queueHandler } from './handlers/topology';

type Json = Record<string, unknown>;

/** The kinds a manifest may declare, in the order they are created (deleted in reverse). */
export const KIND_NAMES = ['Exchange', 'Queue', 'Binding', 'Service', 'Deployment', 'Action', 'Subscription', 'Schedule', 'RecipientGroup', 'Recipient'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** An object as stored: its api id, the key a declaration is matched by, the api's JSON. */
export interface Stored {
  id: string;
  key: string;
  raw: Json;
}

/** A reference from a spec to another declared or stored object, by name. */
export interface Reference {
  /** The spec field holding the name (`service`, `target.action`). */
  specField: string;
  /** The body field that takes the id (`service_id`, `target.action_id`). */
  bodyField: string;
  kind: KindName;
  /** The field holds a list of names (a recipient's `groups`), the body a list of ids. */
  many?: boolean;
}

/**
 * Write-only values of a kind (a deployment's credentials, a recipient's webhook secret):
 * read from env or files, never read back, so compared by the names stored and the apply
 * set's salted digest of what apply last sent.
 */
export interface SecretSpec {
  /** The spec and body field. */
  field: string;
  /** The names a stored object has values for (the values are never answered). */
  storedNames(raw: Json): string[];
}

/** Names ↔ ids of stored objects, for turning references into ids and back. */
export interface Names {
  idOf(kind: KindName, name: string): string | undefined;
  nameOf(kind: KindName, id: string): string | undefined;
}

/** How apply and export handle one kind. */
export interface KindHandler {
  kind: KindName;
  /** The create operation whose request body schema validates a declaration's body. */
  createPath: string;
  references: Reference[];
  /** Whether a changed declaration is updated in place (else it must be deleted and created again). */
  updatable: boolean;
  /** Fields an update cannot change (an exchange's type): only deleting and creating again can. */
  fixedFields?: readonly string[];
  list(client: InterflowClient, names: Names): Promise<Stored[]>;
  /** The key a body is matched with among stored objects (name, or content for bindings). */
  keyOf(name: string, body: Json): string;
  /** The fields of `body` that differ from the stored object. */
  diff(stored: Json, body: Json): FieldChange[];
  create(client: InterflowClient, body: Json): Promise<Stored>;
  update(client: InterflowClient, stored: Stored, patch: Json): Promise<void>;
  remove(client: InterflowClient, stored: Stored): Promise<void>;
  /** The spec an exported document carries (references as names, no ids, no secrets, nothing derived). */
  exportSpec(raw: Json, names: Names): Json;
  /** The name an exported document gets. */
  exportName(raw: Json, names: Names): string;
  secrets?: SecretSpec;
  /** Objects Interflow made itself (system queues, a subscription's binding): never exported. */
  isSystem?(raw: Json): boolean;
}

export const KIND_HANDLERS: Record<KindName, KindHandler> = {
  Exchange: exchangeHandler,
  Queue: queueHandler,
  Binding: bindingHandler,
  Service: serviceHandler,
  Deployment: deploymentHandler,
  Action: actionHandler,
  Subscription: subscriptionHandler,
  Schedule: scheduleHandler,
  RecipientGroup: recipientGroupHandler,
  Recipient: recipientHandler,
};
