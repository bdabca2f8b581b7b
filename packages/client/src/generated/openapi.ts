// Generated from the api's OpenAPI document by packages/client/scripts/generate.mjs.
// Do not edit: change the api's zod schemas, then run `npm run generate -w packages/client`.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable, every migration applied, stored secrets open with the configured keys; answers within 1.5 s */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: operations["getV1Tokens"];
        put?: never;
        /**
         * Create an API token
         * @description The secret is returned in this response only; only its hash is stored.
         */
        post: operations["postV1Tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API token */
        get: operations["getV1TokensByid"];
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Revoked at once; the row stays for the record. The last active unscoped admin token cannot be revoked (409).
         */
        delete: operations["deleteV1TokensByid"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchanges (by name) */
        get: operations["getV1Exchanges"];
        put?: never;
        /**
         * Declare an exchange
         * @description Idempotent: declaring an existing exchange with the same type answers 200 with it; 201 when created.
         */
        post: operations["postV1Exchanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an exchange */
        get: operations["getV1ExchangesByname"];
        put?: never;
        post?: never;
        /** Delete an exchange and its bindings */
        delete: operations["deleteV1ExchangesByname"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/{name}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish one message, or a batch, through an exchange
         * @description The body is one message (`payload`, `routing_key`, options) or `{"messages": [...], "mandatory"}` with up to 1000 messages, each with its own `routing_key`. A batch is one transaction: every message is stored or none. The answer comes once committed (the publisher confirm). A message matching no binding is dropped (its `queues` is empty) unless `mandatory` is true, which refuses it with 422 `unroutable`. A missing exchange is a 404 and a bad field (e.g. `priority` outside 1–5) a 400; neither stores anything.
         */
        post: operations["postV1ExchangesBynamePublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List queues (by name) */
        get: operations["getV1Queues"];
        put?: never;
        /**
         * Declare a queue with its policy
         * @description Idempotent: 201 when created; 200 when it existed, with the policy fields given changed and the others kept.
         */
        post: operations["postV1Queues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a queue and its policy */
        get: operations["getV1QueuesByname"];
        put?: never;
        post?: never;
        /** Delete a queue, its bindings and its messages */
        delete: operations["deleteV1QueuesByname"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove every message waiting in a queue
         * @description Ready and delayed messages go; deliveries in flight are left to finish.
         */
        post: operations["postV1QueuesBynamePurge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue depth (ready, delayed, in flight, dead) and publish/ack rates */
        get: operations["getV1QueuesBynameStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Peek at the head of a queue
         * @description The next messages in claim order (priority, then age), without claiming them. Not paginated: `limit` ≤ 100.
         */
        get: operations["getV1QueuesBynameMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move dead-lettered messages back to the queues they died in
         * @description `{name}` is the dead-letter queue. Each message goes back to its source queue with a fresh attempt count.
         */
        post: operations["postV1QueuesBynameRedrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{name}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish one message, or a batch, to a queue (the default exchange)
         * @description Same body as `POST /v1/exchanges/{name}/publish` without `routing_key` and `mandatory`: the queue is the destination, and a missing queue is a 404 (never a silent drop).
         */
        post: operations["postV1QueuesBynamePublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bindings, optionally of one exchange or one queue */
        get: operations["getV1Bindings"];
        put?: never;
        /**
         * Bind a queue to an exchange
         * @description direct: `binding_key` must equal the routing key; topic: `binding_key` is a pattern (`*` one word, `#` zero or more); fanout: no key; headers: `headers` with `headers_match` all (default) or any.
         */
        post: operations["postV1Bindings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bindings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a binding */
        get: operations["getV1BindingsByid"];
        put?: never;
        post?: never;
        /** Remove a binding */
        delete: operations["deleteV1BindingsByid"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List registered consumers, optionally of one queue
         * @description Consumers register when they start and heartbeat while alive; housekeeping removes those that stopped beating.
         */
        get: operations["getV1Consumers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List schedules */
        get: operations["getV1Schedules"];
        put?: never;
        /**
         * Create a schedule
         * @description A rule (cron with optional seconds and an IANA time zone, a fixed interval, or one instant) that makes the producers publish an action run or a message to an exchange. Producers pick it up at once (NOTIFY).
         */
        post: operations["postV1Schedules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the next fire times of a rule
         * @description Nothing is stored. Daylight-saving transitions are applied as the README documents.
         */
        post: operations["postV1SchedulesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/fire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a schedule now
         * @description Its next fire becomes now: a producer fires it at once through the usual path (fire key, overlap policy), then goes on with the regular fires of its rule.
         */
        post: operations["postV1SchedulesByidFire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a schedule */
        get: operations["getV1SchedulesByid"];
        put?: never;
        post?: never;
        /**
         * Delete a schedule
         * @description Messages it already published stay in their queues.
         */
        delete: operations["deleteV1SchedulesByid"];
        options?: never;
        head?: never;
        /**
         * Change a schedule (pause and resume with `enabled`)
         * @description Only the fields given change; `target` and `rule` are replaced whole. A changed timing or a resume recomputes next_fire_at from now: fires that fell into a pause are not made up.
         */
        patch: operations["patchV1SchedulesByid"];
        trace?: never;
    };
    "/v1/schedules/{id}/next-fires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview the next fire times of a stored schedule */
        get: operations["getV1SchedulesByidNextFires"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/fires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the fires of a schedule, newest first
         * @description Every handled fire (its exactly-once key): published, skipped_overlap (the previous was unfinished) or expired (its TTL ran out before it could be published). Fires older than FIRE_KEY_RETENTION_MS are pruned; missed fires are counted in metrics, not listed.
         */
        get: operations["getV1SchedulesByidFires"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services */
        get: operations["getV1Services"];
        put?: never;
        /**
         * Register a connector service
         * @description Methods with an `input_schema` have their trigger input checked against it. The signing secret (HMAC key of request signatures) is the given one or generated, sealed at rest, and returned in this response only. Needs an unscoped token.
         */
        post: operations["postV1Services"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a service */
        get: operations["getV1ServicesByid"];
        put?: never;
        post?: never;
        /** Delete a service */
        delete: operations["deleteV1ServicesByid"];
        options?: never;
        head?: never;
        /**
         * Change a service
         * @description Removing a method that actions use is refused with 409 naming them.
         */
        patch: operations["patchV1ServicesByid"];
        trace?: never;
    };
    "/v1/services/{id}/signing-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a service's signing secret
         * @description Replaces it with the given one or a generated one, returned in this response only.
         */
        post: operations["postV1ServicesByidSigningSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the deployments this token may read */
        get: operations["getV1Deployments"];
        put?: never;
        /**
         * Create a deployment
         * @description Credentials are sealed with AES-256-GCM and never returned. Needs an unscoped token.
         */
        post: operations["postV1Deployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deployment */
        get: operations["getV1DeploymentsByid"];
        put?: never;
        post?: never;
        /** Delete a deployment */
        delete: operations["deleteV1DeploymentsByid"];
        options?: never;
        head?: never;
        /**
         * Change a deployment
         * @description `credentials` is merged into the stored ones (null removes one).
         */
        patch: operations["patchV1DeploymentsByid"];
        trace?: never;
    };
    "/v1/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List actions */
        get: operations["getV1Actions"];
        put?: never;
        /**
         * Create an action
         * @description The method must exist on the deployment's service; the default input is checked against its input schema (required fields may be left to each trigger). The webhook URL is returned in this response only.
         */
        post: operations["postV1Actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an action */
        get: operations["getV1ActionsByid"];
        put?: never;
        post?: never;
        /** Delete an action with its runs, states and cached responses */
        delete: operations["deleteV1ActionsByid"];
        options?: never;
        head?: never;
        /** Change an action */
        patch: operations["patchV1ActionsByid"];
        trace?: never;
    };
    "/v1/actions/{id}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the action's webhook URL
         * @description The old URL stops working at once; the new one is returned in this response only.
         */
        post: operations["postV1ActionsByidWebhook"];
        /** Disable the webhook */
        delete: operations["deleteV1ActionsByidWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions/{id}/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List recorded states */
        get: operations["getV1ActionsByidStates"];
        put?: never;
        /**
         * Record a batch of seen items
         * @description Answers, per item in order, whether it is new, changed (known fid, other nonce) or seen, and records it.
         */
        post: operations["postV1ActionsByidStates"];
        /** Forget states (one fid, or all) */
        delete: operations["deleteV1ActionsByidStates"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions/{id}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an action's subscriptions */
        get: operations["getV1ActionsByidSubscriptions"];
        put?: never;
        /**
         * Subscribe an action to an exchange
         * @description Creates a queue of its own (`interflow.subscription.<id>`, dead letters in `<queue>.dead`) bound to the exchange. Runners consume it: every message routed there starts a run of the action with the message's payload as input (a finished run's result passes on its `response`). That is how one action's result route triggers another action.
         */
        post: operations["postV1ActionsByidSubscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions/{id}/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a subscription */
        get: operations["getV1ActionsByidSubscriptionsBysubscriptionId"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Removes the binding and the queue (messages still in it are dropped); the dead-letter queue stays.
         */
        delete: operations["deleteV1ActionsByidSubscriptionsBysubscriptionId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{id}/methods/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a service's methods from its connector
         * @description Replaces the methods with what the connector serves at `GET <base_url>/methods` (connectors built with the SDK do). Needs an unscoped token.
         */
        post: operations["postV1ServicesByidMethodsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an action
         * @description Needs run access to the deployment. The input is merged over the default input and checked against the method schema.
         */
        post: operations["postV1ActionsByidRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hooks/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an action through its secret webhook URL (no token)
         * @description The body is the input itself.
         */
        post: operations["postV1HooksBysecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List runs, newest first */
        get: operations["getV1Runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a run with every attempt */
        get: operations["getV1RunsByid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apply-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apply sets (what `interflow apply` manages) */
        get: operations["getV1ApplySets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apply-sets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an apply set */
        get: operations["getV1ApplySetsByname"];
        /**
         * Create or replace an apply set
         * @description Needs an unscoped token. `If-Match` writes only over the version read; `If-None-Match: *` only creates.
         */
        put: operations["putV1ApplySetsByname"];
        post?: never;
        /** Forget an apply set (its objects stay) */
        delete: operations["deleteV1ApplySetsByname"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow what happens, as Server-Sent Events
         * @description Run created / started / retrying / finished, messages dead-lettered, schedules fired, and queue depth changes, filtered for the token: a deployment-scoped token sees only its deployments' events, installation-wide events (user queues, exchange schedules) need an unscoped token, and Interflow's own queues (interflow.*) an unscoped admin. Every logged event has an `id:`; a client that reconnects with `Last-Event-ID` gets exactly the events it missed, in order, as long as they are within the replay window (EVENT_REPLAY_WINDOW_MS of the producer, one hour by default); past it the stream starts with a `reset` event. Comment lines are heartbeats.
         */
        get: operations["getV1Events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling token's name, role, deployment scopes, recipient and reach (any token, those bound to a recipient too) */
        get: operations["getV1Whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs per minute by status, and how far the scheduler is behind */
        get: operations["getV1Overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recipients
         * @description Optionally only the members of one group. Needs a token not limited to deployments.
         */
        get: operations["getV1Recipients"];
        put?: never;
        /**
         * Create a recipient
         * @description A person or system notifications reach: the inbox always, e-mail and a webhook when given. With a webhook URL and no webhook_secret, a signing secret is generated and returned in this response only. Needs a token not limited to deployments.
         */
        post: operations["postV1Recipients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recipients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a recipient */
        get: operations["getV1RecipientsByid"];
        put?: never;
        post?: never;
        /**
         * Delete a recipient
         * @description Its deliveries and the tokens bound to it go with it. Needs a token not limited to deployments.
         */
        delete: operations["deleteV1RecipientsByid"];
        options?: never;
        head?: never;
        /**
         * Change a recipient
         * @description A webhook URL set where there was none gets a new secret (in this response only) unless webhook_secret gives one; webhook_secret replaces the secret; group_ids replaces the memberships. Needs a token not limited to deployments.
         */
        patch: operations["patchV1RecipientsByid"];
        trace?: never;
    };
    "/v1/recipients/{id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a recipient's webhook signing secret
         * @description The old secret stops working at once. Needs a token not limited to deployments.
         */
        post: operations["postV1RecipientsByidWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List groups */
        get: operations["getV1Groups"];
        put?: never;
        /** Create a group of recipients */
        post: operations["postV1Groups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a group */
        get: operations["getV1GroupsByid"];
        put?: never;
        post?: never;
        /**
         * Delete a group
         * @description Its memberships go; the recipients stay. Needs a token not limited to deployments.
         */
        delete: operations["deleteV1GroupsByid"];
        options?: never;
        head?: never;
        /** Rename or describe a group */
        patch: operations["patchV1GroupsByid"];
        trace?: never;
    };
    "/v1/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add recipients to a group
         * @description Recipients already in it stay in it once. Needs a token not limited to deployments.
         */
        post: operations["postV1GroupsByidMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/members/{recipientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a recipient from a group */
        delete: operations["deleteV1GroupsByidMembersByrecipientId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List notifications, newest first */
        get: operations["getV1Notifications"];
        put?: never;
        /**
         * Publish a notification
         * @description Stored, then fanned out through the broker into one delivery per recipient (a recipient reached through several groups gets it once), by the runners. 202 with the notification; with a dedupe_key already used, 200 with the earlier notification and nothing delivered. Needs a token not limited to deployments.
         */
        post: operations["postV1Notifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a notification with its delivery counts */
        get: operations["getV1NotificationsByid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deliveries of a notification, one per recipient */
        get: operations["getV1NotificationsByidDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What happened to a notification, oldest first
         * @description published, delivered, read, confirmed (who, comment), expired, reminded, escalated, and every channel send: sent, send_failed, dead_lettered (with the reason).
         */
        get: operations["getV1NotificationsByidHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox of the token's recipient, newest first
         * @description Only for tokens bound to a recipient (POST /v1/tokens with recipient_id); any other token gets 403.
         */
        get: operations["getV1Inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the token's inbox, as Server-Sent Events
         * @description The event stream filtered to this recipient: every change of its deliveries as it commits. Reconnect with `Last-Event-ID` to get exactly what was missed (within the replay window). Only for tokens bound to a recipient.
         */
        get: operations["getV1InboxStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery of the inbox */
        get: operations["getV1InboxByid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a delivery read */
        post: operations["postV1InboxByidRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a delivery
         * @description Records who (the token) and when, with an optional comment. Confirming again answers the first confirmation.
         */
        post: operations["postV1InboxByidConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                /** @description for a 400, [{field, message}] naming each bad field; otherwise an object, at least {} */
                details: unknown;
            };
        };
        JsonValue: JsonValue;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not ready; the body says why */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getV1Tokens: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                include_revoked?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "viewer" | "operator" | "admin";
                            deployment_scopes: string[] | null;
                            /** @description the recipient whose inbox this token reads; null for ordinary tokens */
                            recipient_id: string | null;
                            /** @description the first characters of the token, to recognise it */
                            prefix: string;
                            created_at: string;
                            last_used_at: string | null;
                            expires_at: string | null;
                            revoked_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    role: "viewer" | "operator" | "admin";
                    deployment_scopes?: string[] | null;
                    recipient_id?: string | null;
                    expires_at?: string | null;
                };
            };
        };
        responses: {
            /** @description created; `token` is the secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "operator" | "admin";
                        deployment_scopes: string[] | null;
                        /** @description the recipient whose inbox this token reads; null for ordinary tokens */
                        recipient_id: string | null;
                        /** @description the first characters of the token, to recognise it */
                        prefix: string;
                        created_at: string;
                        last_used_at: string | null;
                        expires_at: string | null;
                        revoked_at: string | null;
                        /** @description the secret: shown in this response only, store it now */
                        token: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1TokensByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the token (never its secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "operator" | "admin";
                        deployment_scopes: string[] | null;
                        /** @description the recipient whose inbox this token reads; null for ordinary tokens */
                        recipient_id: string | null;
                        /** @description the first characters of the token, to recognise it */
                        prefix: string;
                        created_at: string;
                        last_used_at: string | null;
                        expires_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1TokensByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the revoked token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "operator" | "admin";
                        deployment_scopes: string[] | null;
                        /** @description the recipient whose inbox this token reads; null for ordinary tokens */
                        recipient_id: string | null;
                        /** @description the first characters of the token, to recognise it */
                        prefix: string;
                        created_at: string;
                        last_used_at: string | null;
                        expires_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description it is the last active admin token */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Exchanges: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of exchanges */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            /** @enum {string} */
                            type: "direct" | "fanout" | "topic" | "headers";
                            alternate_exchange: string | null;
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Exchanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    type: "direct" | "fanout" | "topic" | "headers";
                    alternate_exchange?: string | null;
                };
            };
        };
        responses: {
            /** @description it existed already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "direct" | "fanout" | "topic" | "headers";
                        alternate_exchange: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description created */
            201: {
                headers: {
                    /** @description the exchange */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "direct" | "fanout" | "topic" | "headers";
                        alternate_exchange: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the alternate exchange does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description an exchange of that name exists with another type */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ExchangesByname: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the exchange */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "direct" | "fanout" | "topic" | "headers";
                        alternate_exchange: string | null;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such exchange */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ExchangesByname: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such exchange */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ExchangesBynamePublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description any JSON value */
                    payload: unknown;
                    headers?: {
                        [key: string]: string | number | boolean;
                    };
                    priority?: number;
                    delay_ms?: number;
                    /** Format: date-time */
                    not_before?: string;
                    ttl_ms?: number;
                    /** Format: date-time */
                    expires_at?: string;
                    ack_deadline_ms?: number;
                    reply_to?: string;
                    correlation_id?: string;
                    dedupe_key?: string;
                    /** @default  */
                    routing_key?: string;
                    /** @default false */
                    mandatory?: boolean;
                } | {
                    messages: {
                        /** @description any JSON value */
                        payload: unknown;
                        headers?: {
                            [key: string]: string | number | boolean;
                        };
                        priority?: number;
                        delay_ms?: number;
                        /** Format: date-time */
                        not_before?: string;
                        ttl_ms?: number;
                        /** Format: date-time */
                        expires_at?: string;
                        ack_deadline_ms?: number;
                        reply_to?: string;
                        correlation_id?: string;
                        dedupe_key?: string;
                        /** @default  */
                        routing_key?: string;
                    }[];
                    /** @default false */
                    mandatory?: boolean;
                };
            };
        };
        responses: {
            /** @description stored: one receipt, or `{receipts}` for a batch */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description one id per queue the message was stored in (an earlier id when deduplicated) */
                        message_ids: string[];
                        /** @description the queues, in the order of message_ids; empty when nothing matched */
                        queues: string[];
                    } | {
                        /** @description one per message, in request order */
                        receipts: {
                            /** @description one id per queue the message was stored in (an earlier id when deduplicated) */
                            message_ids: string[];
                            /** @description the queues, in the order of message_ids; empty when nothing matched */
                            queues: string[];
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such exchange */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description mandatory and no queue matched */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a target queue is full (overflow reject_publish) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Queues: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of queues */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            policy: {
                                message_ttl_ms: number | null;
                                max_attempts: number;
                                retry_backoff: {
                                    initial_delay_ms: number;
                                    multiplier: number;
                                    max_delay_ms: number;
                                    jitter: number;
                                };
                                dead_letter_queue: string | null;
                                max_length: number | null;
                                /** @enum {string} */
                                overflow: "reject_publish" | "dead_letter_oldest";
                                ack_deadline_ms: number;
                            };
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Queues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    policy?: {
                        message_ttl_ms?: number | null;
                        max_attempts?: number;
                        retry_backoff?: {
                            initial_delay_ms: number;
                            multiplier: number;
                            max_delay_ms: number;
                            jitter: number;
                        };
                        dead_letter_queue?: string | null;
                        max_length?: number | null;
                        /** @enum {string} */
                        overflow?: "reject_publish" | "dead_letter_oldest";
                        ack_deadline_ms?: number;
                    };
                };
            };
        };
        responses: {
            /** @description it existed already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        policy: {
                            message_ttl_ms: number | null;
                            max_attempts: number;
                            retry_backoff: {
                                initial_delay_ms: number;
                                multiplier: number;
                                max_delay_ms: number;
                                jitter: number;
                            };
                            dead_letter_queue: string | null;
                            max_length: number | null;
                            /** @enum {string} */
                            overflow: "reject_publish" | "dead_letter_oldest";
                            ack_deadline_ms: number;
                        };
                        created_at: string;
                    };
                };
            };
            /** @description created */
            201: {
                headers: {
                    /** @description the queue */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        policy: {
                            message_ttl_ms: number | null;
                            max_attempts: number;
                            retry_backoff: {
                                initial_delay_ms: number;
                                multiplier: number;
                                max_delay_ms: number;
                                jitter: number;
                            };
                            dead_letter_queue: string | null;
                            max_length: number | null;
                            /** @enum {string} */
                            overflow: "reject_publish" | "dead_letter_oldest";
                            ack_deadline_ms: number;
                        };
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the dead-letter queue does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1QueuesByname: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        policy: {
                            message_ttl_ms: number | null;
                            max_attempts: number;
                            retry_backoff: {
                                initial_delay_ms: number;
                                multiplier: number;
                                max_delay_ms: number;
                                jitter: number;
                            };
                            dead_letter_queue: string | null;
                            max_length: number | null;
                            /** @enum {string} */
                            overflow: "reject_publish" | "dead_letter_oldest";
                            ack_deadline_ms: number;
                        };
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1QueuesByname: {
        parameters: {
            query?: {
                if_empty?: "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `if_empty=true` and the queue still holds messages */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1QueuesBynamePurge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description how many were removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description messages removed */
                        purged: number;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1QueuesBynameStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the stats */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queue: string;
                        /** @description visible now, waiting for a consumer */
                        ready: number;
                        /** @description not visible yet (delay or retry backoff) */
                        delayed: number;
                        /** @description claimed by a consumer, lease running */
                        in_flight: number;
                        /** @description messages in this queue's dead-letter queue */
                        dead: number;
                        /** @description over the last minute */
                        published_per_second: number;
                        /** @description over the last minute */
                        acked_per_second: number;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1QueuesBynameMessages: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description up to `limit` messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            message_id: string;
                            queue: string;
                            payload: unknown;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            priority: number;
                            /** @description deliveries so far (0: never delivered) */
                            attempt: number;
                            published_at: string;
                            expires_at: string | null;
                            reply_to: string | null;
                            correlation_id: string | null;
                            sender: string | null;
                            deaths: {
                                queue: string;
                                reason: string;
                                count: number;
                                time: string;
                                detail?: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1QueuesBynameRedrive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    max?: number;
                    message_ids?: string[];
                };
            };
        };
        responses: {
            /** @description how many were moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description messages moved back to the queues they died in */
                        redriven: number;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1QueuesBynamePublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description any JSON value */
                    payload: unknown;
                    headers?: {
                        [key: string]: string | number | boolean;
                    };
                    priority?: number;
                    delay_ms?: number;
                    /** Format: date-time */
                    not_before?: string;
                    ttl_ms?: number;
                    /** Format: date-time */
                    expires_at?: string;
                    ack_deadline_ms?: number;
                    reply_to?: string;
                    correlation_id?: string;
                    dedupe_key?: string;
                } | {
                    messages: {
                        /** @description any JSON value */
                        payload: unknown;
                        headers?: {
                            [key: string]: string | number | boolean;
                        };
                        priority?: number;
                        delay_ms?: number;
                        /** Format: date-time */
                        not_before?: string;
                        ttl_ms?: number;
                        /** Format: date-time */
                        expires_at?: string;
                        ack_deadline_ms?: number;
                        reply_to?: string;
                        correlation_id?: string;
                        dedupe_key?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description stored: one receipt, or `{receipts}` for a batch */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description one id per queue the message was stored in (an earlier id when deduplicated) */
                        message_ids: string[];
                        /** @description the queues, in the order of message_ids; empty when nothing matched */
                        queues: string[];
                    } | {
                        /** @description one per message, in request order */
                        receipts: {
                            /** @description one id per queue the message was stored in (an earlier id when deduplicated) */
                            message_ids: string[];
                            /** @description the queues, in the order of message_ids; empty when nothing matched */
                            queues: string[];
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such queue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the queue is full (overflow reject_publish) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Bindings: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                exchange?: string;
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of bindings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            exchange: string;
                            queue: string;
                            binding_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            /** @enum {string} */
                            headers_match: "all" | "any";
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Bindings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    exchange: string;
                    queue: string;
                    binding_key?: string;
                    headers?: {
                        [key: string]: string | number | boolean;
                    };
                    /** @enum {string} */
                    headers_match?: "all" | "any";
                };
            };
        };
        responses: {
            /** @description bound */
            201: {
                headers: {
                    /** @description the binding */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        exchange: string;
                        queue: string;
                        binding_key: string;
                        headers: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        headers_match: "all" | "any";
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the exchange or the queue does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1BindingsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the binding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        exchange: string;
                        queue: string;
                        binding_key: string;
                        headers: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        headers_match: "all" | "any";
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such binding */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1BindingsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such binding */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Consumers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of consumers (by id) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            queue: string;
                            /** @description what the consumer calls itself (e.g. runner) */
                            name: string;
                            host: string;
                            pid: number;
                            concurrency: number;
                            prefetch: number;
                            started_at: string;
                            /** @description a few seconds old while the consumer is alive */
                            heartbeat_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Schedules: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of schedules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            enabled: boolean;
                            target: {
                                /** @constant */
                                type: "action";
                                /** Format: uuid */
                                action_id: string;
                                input: components["schemas"]["JsonValue"];
                            } | {
                                /** @constant */
                                type: "exchange";
                                exchange: string;
                                routing_key: string;
                                headers: {
                                    [key: string]: string | number | boolean;
                                };
                                payload: components["schemas"]["JsonValue"];
                            };
                            rule: {
                                /** @constant */
                                type: "cron";
                                expression: string;
                                timezone: string;
                            } | {
                                /** @constant */
                                type: "interval";
                                every_ms: number;
                                /** @description fires are counted from here */
                                anchor_at: string;
                            } | {
                                /** @constant */
                                type: "once";
                                at: string;
                            };
                            start_at: string | null;
                            end_at: string | null;
                            jitter_ms: number;
                            ttl_ms: number | null;
                            priority: number | null;
                            /** @enum {string} */
                            overlap_policy: "allow" | "skip" | "buffer_one";
                            /** @enum {string} */
                            missed_fire_policy: "skip" | "run_once" | "backfill";
                            backfill_limit: number | null;
                            /** @description the next fire not yet handled; null when no fire is left */
                            next_fire_at: string | null;
                            /** @description fire time of the latest published fire */
                            last_fired_at: string | null;
                            /** @description buffer_one: the fire waiting for the previous one to finish */
                            buffered_fire_at: string | null;
                            /** @description why the latest publish attempt failed (cleared by the next success) */
                            last_error: string | null;
                            version: number;
                            /** @description the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely */
                            etag: string;
                            created_at: string;
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Schedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                    target: {
                        /** @constant */
                        type: "action";
                        /** Format: uuid */
                        action_id: string;
                        /**
                         * @description the run input, merged over the action's default input
                         * @default {}
                         */
                        input?: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                    } | {
                        /** @constant */
                        type: "exchange";
                        /** @description an exchange name; '' is the default exchange (routes by queue name) */
                        exchange: string;
                        /** @default  */
                        routing_key?: string;
                        /** @default {} */
                        headers?: {
                            [key: string]: string | number | boolean;
                        };
                        /** @default {} */
                        payload?: components["schemas"]["JsonValue"];
                    };
                    rule: {
                        /** @constant */
                        type: "cron";
                        /** @description croner syntax: 5 fields, or 6 with seconds first */
                        expression: string;
                        /**
                         * @description IANA time zone of the wall-clock times
                         * @default UTC
                         */
                        timezone?: string;
                    } | {
                        /** @constant */
                        type: "interval";
                        every_ms: number;
                    } | {
                        /** @constant */
                        type: "once";
                        /** Format: date-time */
                        at: string;
                    };
                    /** @default null */
                    start_at?: string | null;
                    /** @default null */
                    end_at?: string | null;
                    /** @default 0 */
                    jitter_ms?: number;
                    /** @default null */
                    ttl_ms?: number | null;
                    /** @default null */
                    priority?: number | null;
                    /**
                     * @default allow
                     * @enum {string}
                     */
                    overlap_policy?: "allow" | "skip" | "buffer_one";
                    /**
                     * @default skip
                     * @enum {string}
                     */
                    missed_fire_policy?: "skip" | "run_once" | "backfill";
                    /** @default 10 */
                    backfill_limit?: number;
                };
            };
        };
        responses: {
            /** @description created, with its next_fire_at */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        enabled: boolean;
                        target: {
                            /** @constant */
                            type: "action";
                            /** Format: uuid */
                            action_id: string;
                            input: components["schemas"]["JsonValue"];
                        } | {
                            /** @constant */
                            type: "exchange";
                            exchange: string;
                            routing_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            payload: components["schemas"]["JsonValue"];
                        };
                        rule: {
                            /** @constant */
                            type: "cron";
                            expression: string;
                            timezone: string;
                        } | {
                            /** @constant */
                            type: "interval";
                            every_ms: number;
                            /** @description fires are counted from here */
                            anchor_at: string;
                        } | {
                            /** @constant */
                            type: "once";
                            at: string;
                        };
                        start_at: string | null;
                        end_at: string | null;
                        jitter_ms: number;
                        ttl_ms: number | null;
                        priority: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip" | "buffer_one";
                        /** @enum {string} */
                        missed_fire_policy: "skip" | "run_once" | "backfill";
                        backfill_limit: number | null;
                        /** @description the next fire not yet handled; null when no fire is left */
                        next_fire_at: string | null;
                        /** @description fire time of the latest published fire */
                        last_fired_at: string | null;
                        /** @description buffer_one: the fire waiting for the previous one to finish */
                        buffered_fire_at: string | null;
                        /** @description why the latest publish attempt failed (cleared by the next success) */
                        last_error: string | null;
                        version: number;
                        /** @description the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1SchedulesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rule: {
                        /** @constant */
                        type: "cron";
                        /** @description croner syntax: 5 fields, or 6 with seconds first */
                        expression: string;
                        /**
                         * @description IANA time zone of the wall-clock times
                         * @default UTC
                         */
                        timezone?: string;
                    } | {
                        /** @constant */
                        type: "interval";
                        every_ms: number;
                    } | {
                        /** @constant */
                        type: "once";
                        /** Format: date-time */
                        at: string;
                    };
                    /** @default null */
                    start_at?: string | null;
                    /** @default null */
                    end_at?: string | null;
                    /** @default 10 */
                    count?: number;
                    /**
                     * Format: date-time
                     * @description default: now
                     */
                    from?: string;
                };
            };
        };
        responses: {
            /** @description the next `count` fire times (fewer when the rule ends) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fire_times: string[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1SchedulesByidFire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description due now; a producer fires it */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        enabled: boolean;
                        target: {
                            /** @constant */
                            type: "action";
                            /** Format: uuid */
                            action_id: string;
                            input: components["schemas"]["JsonValue"];
                        } | {
                            /** @constant */
                            type: "exchange";
                            exchange: string;
                            routing_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            payload: components["schemas"]["JsonValue"];
                        };
                        rule: {
                            /** @constant */
                            type: "cron";
                            expression: string;
                            timezone: string;
                        } | {
                            /** @constant */
                            type: "interval";
                            every_ms: number;
                            /** @description fires are counted from here */
                            anchor_at: string;
                        } | {
                            /** @constant */
                            type: "once";
                            at: string;
                        };
                        start_at: string | null;
                        end_at: string | null;
                        jitter_ms: number;
                        ttl_ms: number | null;
                        priority: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip" | "buffer_one";
                        /** @enum {string} */
                        missed_fire_policy: "skip" | "run_once" | "backfill";
                        backfill_limit: number | null;
                        /** @description the next fire not yet handled; null when no fire is left */
                        next_fire_at: string | null;
                        /** @description fire time of the latest published fire */
                        last_fired_at: string | null;
                        /** @description buffer_one: the fire waiting for the previous one to finish */
                        buffered_fire_at: string | null;
                        /** @description why the latest publish attempt failed (cleared by the next success) */
                        last_error: string | null;
                        version: number;
                        /** @description the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the schedule is paused */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1SchedulesByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the schedule */
            200: {
                headers: {
                    /** @description the version of the schedule (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        enabled: boolean;
                        target: {
                            /** @constant */
                            type: "action";
                            /** Format: uuid */
                            action_id: string;
                            input: components["schemas"]["JsonValue"];
                        } | {
                            /** @constant */
                            type: "exchange";
                            exchange: string;
                            routing_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            payload: components["schemas"]["JsonValue"];
                        };
                        rule: {
                            /** @constant */
                            type: "cron";
                            expression: string;
                            timezone: string;
                        } | {
                            /** @constant */
                            type: "interval";
                            every_ms: number;
                            /** @description fires are counted from here */
                            anchor_at: string;
                        } | {
                            /** @constant */
                            type: "once";
                            at: string;
                        };
                        start_at: string | null;
                        end_at: string | null;
                        jitter_ms: number;
                        ttl_ms: number | null;
                        priority: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip" | "buffer_one";
                        /** @enum {string} */
                        missed_fire_policy: "skip" | "run_once" | "backfill";
                        backfill_limit: number | null;
                        /** @description the next fire not yet handled; null when no fire is left */
                        next_fire_at: string | null;
                        /** @description fire time of the latest published fire */
                        last_fired_at: string | null;
                        /** @description buffer_one: the fire waiting for the previous one to finish */
                        buffered_fire_at: string | null;
                        /** @description why the latest publish attempt failed (cleared by the next success) */
                        last_error: string | null;
                        version: number;
                        /** @description the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1SchedulesByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1SchedulesByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    enabled?: boolean;
                    target?: {
                        /** @constant */
                        type: "action";
                        /** Format: uuid */
                        action_id: string;
                        /**
                         * @description the run input, merged over the action's default input
                         * @default {}
                         */
                        input?: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                    } | {
                        /** @constant */
                        type: "exchange";
                        /** @description an exchange name; '' is the default exchange (routes by queue name) */
                        exchange: string;
                        /** @default  */
                        routing_key?: string;
                        /** @default {} */
                        headers?: {
                            [key: string]: string | number | boolean;
                        };
                        /** @default {} */
                        payload?: components["schemas"]["JsonValue"];
                    };
                    rule?: {
                        /** @constant */
                        type: "cron";
                        /** @description croner syntax: 5 fields, or 6 with seconds first */
                        expression: string;
                        /**
                         * @description IANA time zone of the wall-clock times
                         * @default UTC
                         */
                        timezone?: string;
                    } | {
                        /** @constant */
                        type: "interval";
                        every_ms: number;
                    } | {
                        /** @constant */
                        type: "once";
                        /** Format: date-time */
                        at: string;
                    };
                    start_at?: string | null;
                    end_at?: string | null;
                    jitter_ms?: number;
                    ttl_ms?: number | null;
                    priority?: number | null;
                    /** @enum {string} */
                    overlap_policy?: "allow" | "skip" | "buffer_one";
                    /** @enum {string} */
                    missed_fire_policy?: "skip" | "run_once" | "backfill";
                    backfill_limit?: number;
                };
            };
        };
        responses: {
            /** @description the schedule as changed */
            200: {
                headers: {
                    /** @description the version of the schedule (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        enabled: boolean;
                        target: {
                            /** @constant */
                            type: "action";
                            /** Format: uuid */
                            action_id: string;
                            input: components["schemas"]["JsonValue"];
                        } | {
                            /** @constant */
                            type: "exchange";
                            exchange: string;
                            routing_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            payload: components["schemas"]["JsonValue"];
                        };
                        rule: {
                            /** @constant */
                            type: "cron";
                            expression: string;
                            timezone: string;
                        } | {
                            /** @constant */
                            type: "interval";
                            every_ms: number;
                            /** @description fires are counted from here */
                            anchor_at: string;
                        } | {
                            /** @constant */
                            type: "once";
                            at: string;
                        };
                        start_at: string | null;
                        end_at: string | null;
                        jitter_ms: number;
                        ttl_ms: number | null;
                        priority: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip" | "buffer_one";
                        /** @enum {string} */
                        missed_fire_policy: "skip" | "run_once" | "backfill";
                        backfill_limit: number | null;
                        /** @description the next fire not yet handled; null when no fire is left */
                        next_fire_at: string | null;
                        /** @description fire time of the latest published fire */
                        last_fired_at: string | null;
                        /** @description buffer_one: the fire waiting for the previous one to finish */
                        buffered_fire_at: string | null;
                        /** @description why the latest publish attempt failed (cleared by the next success) */
                        last_error: string | null;
                        version: number;
                        /** @description the version as an ETag (also the ETag header); pass it in If-Match to update or delete safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the new name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1SchedulesByidNextFires: {
        parameters: {
            query?: {
                count?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the next `count` fire times */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fire_times: string[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1SchedulesByidFires: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of fires */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            fire_time: string;
                            /** @enum {string} */
                            outcome: "published" | "skipped_overlap" | "expired";
                            /** @description when the producer handled it */
                            recorded_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Services: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            base_url: string;
                            methods: {
                                name: string;
                                /**
                                 * @default POST
                                 * @enum {string}
                                 */
                                http_method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                                /** Format: starts_with */
                                path: string;
                                /** @default null */
                                description: string | null;
                                /**
                                 * @description JSON Schema of the input; checked with ajv
                                 * @default null
                                 */
                                input_schema: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            created_at: string;
                            /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                            etag: string;
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Services: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                    /** Format: uri */
                    base_url: string;
                    /** @default [] */
                    methods?: {
                        name: string;
                        /**
                         * @default POST
                         * @enum {string}
                         */
                        http_method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                        /** Format: starts_with */
                        path: string;
                        /** @default null */
                        description?: string | null;
                        /**
                         * @description JSON Schema of the input; checked with ajv
                         * @default null
                         */
                        input_schema?: {
                            [key: string]: unknown;
                        } | null;
                    }[];
                    signing_secret?: string;
                };
            };
        };
        responses: {
            /** @description registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        base_url: string;
                        methods: {
                            name: string;
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            http_method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                            /** Format: starts_with */
                            path: string;
                            /** @default null */
                            description: string | null;
                            /**
                             * @description JSON Schema of the input; checked with ajv
                             * @default null
                             */
                            input_schema: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                        /** @description HMAC-SHA256 key of request signatures: shown in this response only */
                        signing_secret: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ServicesByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the service */
            200: {
                headers: {
                    /** @description the version of the service (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        base_url: string;
                        methods: {
                            name: string;
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            http_method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                            /** Format: starts_with */
                            path: string;
                            /** @default null */
                            description: string | null;
                            /**
                             * @description JSON Schema of the input; checked with ajv
                             * @default null
                             */
                            input_schema: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ServicesByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description deployments use it; details name them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1ServicesByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** Format: uri */
                    base_url?: string;
                    methods?: {
                        name: string;
                        /**
                         * @default POST
                         * @enum {string}
                         */
                        http_method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                        /** Format: starts_with */
                        path: string;
                        /** @default null */
                        description?: string | null;
                        /**
                         * @description JSON Schema of the input; checked with ajv
                         * @default null
                         */
                        input_schema?: {
                            [key: string]: unknown;
                        } | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description changed */
            200: {
                headers: {
                    /** @description the version of the service (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        base_url: string;
                        methods: {
                            name: string;
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            http_method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                            /** Format: starts_with */
                            path: string;
                            /** @default null */
                            description: string | null;
                            /**
                             * @description JSON Schema of the input; checked with ajv
                             * @default null
                             */
                            input_schema: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description name taken, or a removed method is in use */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ServicesByidSigningSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    signing_secret?: string;
                };
            };
        };
        responses: {
            /** @description the new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description HMAC-SHA256 key of request signatures: shown in this response only */
                        signing_secret: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Deployments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                service_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            /** Format: uuid */
                            service_id: string;
                            connection: {
                                [key: string]: unknown;
                            };
                            /** @description which credentials are set; values are never returned */
                            credentials: {
                                [key: string]: "[redacted]";
                            };
                            /** @description id of the key the credentials are sealed with */
                            credentials_key_id: string;
                            rate_limit: {
                                requests: number;
                                interval_ms: number;
                            } | null;
                            max_concurrency: number | null;
                            /** @description per operation: who may, beyond the role the route needs; admins always may */
                            access_rules: {
                                read?: {
                                    /** @enum {string} */
                                    min_role?: "viewer" | "operator" | "admin";
                                    token_ids?: string[];
                                };
                                run?: {
                                    /** @enum {string} */
                                    min_role?: "viewer" | "operator" | "admin";
                                    token_ids?: string[];
                                };
                                change?: {
                                    /** @enum {string} */
                                    min_role?: "viewer" | "operator" | "admin";
                                    token_ids?: string[];
                                };
                            };
                            /** @description the content hash, also sent as the ETag header; pass it in If-Match to update safely */
                            etag: string;
                            created_at: string;
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Deployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                    /** Format: uuid */
                    service_id: string;
                    /** @default {} */
                    connection?: {
                        [key: string]: unknown;
                    };
                    /**
                     * @description sealed at rest; never returned
                     * @default {}
                     */
                    credentials?: {
                        [key: string]: unknown;
                    };
                    rate_limit?: {
                        requests: number;
                        interval_ms: number;
                    } | null;
                    max_concurrency?: number | null;
                    /**
                     * @description per operation: who may, beyond the role the route needs; admins always may
                     * @default {}
                     */
                    access_rules?: {
                        read?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                        run?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                        change?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                    };
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    /** @description content hash of the deployment */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        service_id: string;
                        connection: {
                            [key: string]: unknown;
                        };
                        /** @description which credentials are set; values are never returned */
                        credentials: {
                            [key: string]: "[redacted]";
                        };
                        /** @description id of the key the credentials are sealed with */
                        credentials_key_id: string;
                        rate_limit: {
                            requests: number;
                            interval_ms: number;
                        } | null;
                        max_concurrency: number | null;
                        /** @description per operation: who may, beyond the role the route needs; admins always may */
                        access_rules: {
                            read?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            run?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            change?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                        };
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1DeploymentsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deployment, credentials redacted */
            200: {
                headers: {
                    /** @description content hash of the deployment */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        service_id: string;
                        connection: {
                            [key: string]: unknown;
                        };
                        /** @description which credentials are set; values are never returned */
                        credentials: {
                            [key: string]: "[redacted]";
                        };
                        /** @description id of the key the credentials are sealed with */
                        credentials_key_id: string;
                        rate_limit: {
                            requests: number;
                            interval_ms: number;
                        } | null;
                        max_concurrency: number | null;
                        /** @description per operation: who may, beyond the role the route needs; admins always may */
                        access_rules: {
                            read?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            run?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            change?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                        };
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such deployment (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1DeploymentsByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such deployment (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description actions use it; details name them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1DeploymentsByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** Format: uuid */
                    service_id?: string;
                    connection?: {
                        [key: string]: unknown;
                    };
                    /** @description merged into the stored credentials; a null value removes that credential */
                    credentials?: {
                        [key: string]: unknown;
                    };
                    rate_limit?: {
                        requests: number;
                        interval_ms: number;
                    } | null;
                    max_concurrency?: number | null;
                    /** @description per operation: who may, beyond the role the route needs; admins always may */
                    access_rules?: {
                        read?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                        run?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                        change?: {
                            /** @enum {string} */
                            min_role?: "viewer" | "operator" | "admin";
                            token_ids?: string[];
                        };
                    };
                };
            };
        };
        responses: {
            /** @description changed */
            200: {
                headers: {
                    /** @description content hash of the deployment */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        service_id: string;
                        connection: {
                            [key: string]: unknown;
                        };
                        /** @description which credentials are set; values are never returned */
                        credentials: {
                            [key: string]: "[redacted]";
                        };
                        /** @description id of the key the credentials are sealed with */
                        credentials_key_id: string;
                        rate_limit: {
                            requests: number;
                            interval_ms: number;
                        } | null;
                        max_concurrency: number | null;
                        /** @description per operation: who may, beyond the role the route needs; admins always may */
                        access_rules: {
                            read?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            run?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                            change?: {
                                /** @enum {string} */
                                min_role?: "viewer" | "operator" | "admin";
                                token_ids?: string[];
                            };
                        };
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such deployment (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Actions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                deployment_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            /** Format: uuid */
                            deployment_id: string;
                            method: string;
                            default_input: {
                                [key: string]: unknown;
                            };
                            timeout_ms: number;
                            retry_policy: {
                                max_attempts: number;
                                initial_delay_ms: number;
                                multiplier: number;
                                max_delay_ms: number;
                            };
                            cache_ttl_ms: number | null;
                            result_route: {
                                exchange: string;
                                routing_key: string;
                            } | null;
                            queue: string;
                            poller: {
                                /**
                                 * @description JMESPath to the item array in a run's response; '@' when the response is the array
                                 * @default @
                                 */
                                items: string;
                                /** @description JMESPath to the id inside an item (a string or a number) */
                                id: string;
                                /**
                                 * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                                 * @default null
                                 */
                                hash: string | null;
                                /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                                snapshot: boolean;
                            } | null;
                            /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                            notification_rules: ({
                                /** @constant */
                                on: "consecutive_failures";
                                count: number;
                                notify: {
                                    /** @default [] */
                                    recipients: string[];
                                    /** @default [] */
                                    groups: string[];
                                };
                                /** @enum {string} */
                                severity?: "info" | "warning" | "error" | "critical";
                                requires_confirmation?: boolean;
                            } | {
                                /** @constant */
                                on: "success_with_result";
                                notify: {
                                    /** @default [] */
                                    recipients: string[];
                                    /** @default [] */
                                    groups: string[];
                                };
                                /** @enum {string} */
                                severity?: "info" | "warning" | "error" | "critical";
                                requires_confirmation?: boolean;
                            })[];
                            webhook_enabled: boolean;
                            created_at: string;
                            /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                            etag: string;
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Actions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                    /** Format: uuid */
                    deployment_id: string;
                    method: string;
                    /** @default {} */
                    default_input?: {
                        [key: string]: unknown;
                    };
                    timeout_ms?: number;
                    retry_policy?: {
                        max_attempts: number;
                        initial_delay_ms: number;
                        multiplier: number;
                        max_delay_ms: number;
                    };
                    cache_ttl_ms?: number | null;
                    result_route?: {
                        /** @description an existing exchange; '' is the default exchange (routing key = queue name) */
                        exchange: "" | string;
                        /** @default  */
                        routing_key?: string;
                    } | null;
                    queue?: string;
                    poller?: {
                        /**
                         * @description JMESPath to the item array in a run's response; '@' when the response is the array
                         * @default @
                         */
                        items?: string;
                        /** @description JMESPath to the id inside an item (a string or a number) */
                        id: string;
                        /**
                         * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                         * @default null
                         */
                        hash?: string | null;
                        /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                        snapshot: boolean;
                    } | null;
                    /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                    notification_rules?: ({
                        /** @constant */
                        on: "consecutive_failures";
                        count: number;
                        notify: {
                            /** @default [] */
                            recipients?: string[];
                            /** @default [] */
                            groups?: string[];
                        };
                        /** @enum {string} */
                        severity?: "info" | "warning" | "error" | "critical";
                        requires_confirmation?: boolean;
                    } | {
                        /** @constant */
                        on: "success_with_result";
                        notify: {
                            /** @default [] */
                            recipients?: string[];
                            /** @default [] */
                            groups?: string[];
                        };
                        /** @enum {string} */
                        severity?: "info" | "warning" | "error" | "critical";
                        requires_confirmation?: boolean;
                    })[];
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        deployment_id: string;
                        method: string;
                        default_input: {
                            [key: string]: unknown;
                        };
                        timeout_ms: number;
                        retry_policy: {
                            max_attempts: number;
                            initial_delay_ms: number;
                            multiplier: number;
                            max_delay_ms: number;
                        };
                        cache_ttl_ms: number | null;
                        result_route: {
                            exchange: string;
                            routing_key: string;
                        } | null;
                        queue: string;
                        poller: {
                            /**
                             * @description JMESPath to the item array in a run's response; '@' when the response is the array
                             * @default @
                             */
                            items: string;
                            /** @description JMESPath to the id inside an item (a string or a number) */
                            id: string;
                            /**
                             * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                             * @default null
                             */
                            hash: string | null;
                            /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                            snapshot: boolean;
                        } | null;
                        /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                        notification_rules: ({
                            /** @constant */
                            on: "consecutive_failures";
                            count: number;
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        } | {
                            /** @constant */
                            on: "success_with_result";
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        })[];
                        webhook_enabled: boolean;
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                        /** @description POST here (no token) to run the action; the path is the secret, shown only now */
                        webhook_path: string;
                        webhook_url: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such deployment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ActionsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the action */
            200: {
                headers: {
                    /** @description the version of the action (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        deployment_id: string;
                        method: string;
                        default_input: {
                            [key: string]: unknown;
                        };
                        timeout_ms: number;
                        retry_policy: {
                            max_attempts: number;
                            initial_delay_ms: number;
                            multiplier: number;
                            max_delay_ms: number;
                        };
                        cache_ttl_ms: number | null;
                        result_route: {
                            exchange: string;
                            routing_key: string;
                        } | null;
                        queue: string;
                        poller: {
                            /**
                             * @description JMESPath to the item array in a run's response; '@' when the response is the array
                             * @default @
                             */
                            items: string;
                            /** @description JMESPath to the id inside an item (a string or a number) */
                            id: string;
                            /**
                             * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                             * @default null
                             */
                            hash: string | null;
                            /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                            snapshot: boolean;
                        } | null;
                        /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                        notification_rules: ({
                            /** @constant */
                            on: "consecutive_failures";
                            count: number;
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        } | {
                            /** @constant */
                            on: "success_with_result";
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        })[];
                        webhook_enabled: boolean;
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ActionsByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1ActionsByid: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes (without it, the change is made whatever happened since) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** Format: uuid */
                    deployment_id?: string;
                    method?: string;
                    default_input?: {
                        [key: string]: unknown;
                    };
                    timeout_ms?: number;
                    retry_policy?: {
                        max_attempts: number;
                        initial_delay_ms: number;
                        multiplier: number;
                        max_delay_ms: number;
                    };
                    cache_ttl_ms?: number | null;
                    result_route?: {
                        /** @description an existing exchange; '' is the default exchange (routing key = queue name) */
                        exchange: "" | string;
                        /** @default  */
                        routing_key?: string;
                    } | null;
                    queue?: string;
                    poller?: {
                        /**
                         * @description JMESPath to the item array in a run's response; '@' when the response is the array
                         * @default @
                         */
                        items?: string;
                        /** @description JMESPath to the id inside an item (a string or a number) */
                        id: string;
                        /**
                         * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                         * @default null
                         */
                        hash?: string | null;
                        /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                        snapshot: boolean;
                    } | null;
                    /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                    notification_rules?: ({
                        /** @constant */
                        on: "consecutive_failures";
                        count: number;
                        notify: {
                            /** @default [] */
                            recipients?: string[];
                            /** @default [] */
                            groups?: string[];
                        };
                        /** @enum {string} */
                        severity?: "info" | "warning" | "error" | "critical";
                        requires_confirmation?: boolean;
                    } | {
                        /** @constant */
                        on: "success_with_result";
                        notify: {
                            /** @default [] */
                            recipients?: string[];
                            /** @default [] */
                            groups?: string[];
                        };
                        /** @enum {string} */
                        severity?: "info" | "warning" | "error" | "critical";
                        requires_confirmation?: boolean;
                    })[];
                };
            };
        };
        responses: {
            /** @description changed */
            200: {
                headers: {
                    /** @description the version of the action (also its `etag` field), for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: uuid */
                        deployment_id: string;
                        method: string;
                        default_input: {
                            [key: string]: unknown;
                        };
                        timeout_ms: number;
                        retry_policy: {
                            max_attempts: number;
                            initial_delay_ms: number;
                            multiplier: number;
                            max_delay_ms: number;
                        };
                        cache_ttl_ms: number | null;
                        result_route: {
                            exchange: string;
                            routing_key: string;
                        } | null;
                        queue: string;
                        poller: {
                            /**
                             * @description JMESPath to the item array in a run's response; '@' when the response is the array
                             * @default @
                             */
                            items: string;
                            /** @description JMESPath to the id inside an item (a string or a number) */
                            id: string;
                            /**
                             * @description JMESPath to a content hash or version inside an item; null: a hash of the whole item
                             * @default null
                             */
                            hash: string | null;
                            /** @description true: each run returns the whole collection, so items it lacks are reported deleted; false: a page or a window, never deletions */
                            snapshot: boolean;
                        } | null;
                        /** @description notify recipients/groups after `count` consecutive failed runs (once per streak) or on a success with a non-empty result (once per run) */
                        notification_rules: ({
                            /** @constant */
                            on: "consecutive_failures";
                            count: number;
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        } | {
                            /** @constant */
                            on: "success_with_result";
                            notify: {
                                /** @default [] */
                                recipients: string[];
                                /** @default [] */
                                groups: string[];
                            };
                            /** @enum {string} */
                            severity?: "info" | "warning" | "error" | "critical";
                            requires_confirmation?: boolean;
                        })[];
                        webhook_enabled: boolean;
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale: it changed since it was read; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ActionsByidWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the new webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description POST here (no token) to run the action; the path is the secret, shown only now */
                        webhook_path: string;
                        webhook_url: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ActionsByidWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description disabled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ActionsByidStates: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                fid?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            fid: string | null;
                            nonce: string | null;
                            first_seen_at: string;
                            last_seen_at: string;
                            changed_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ActionsByidStates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @description foreign id of the item upstream */
                        fid?: string | null;
                        /** @description hash of its content */
                        nonce?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description a verdict per item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            fid: string | null;
                            nonce: string | null;
                            /** @enum {string} */
                            status: "new" | "changed" | "seen";
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ActionsByidStates: {
        parameters: {
            query?: {
                fid?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description how many were deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action (or not visible to this token) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ActionsByidSubscriptions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            action_id: string;
                            /** @description the queue of this subscription; its dead letters go to `<queue>.dead` */
                            queue: string;
                            exchange: string;
                            binding_key: string;
                            headers: {
                                [key: string]: string | number | boolean;
                            };
                            /** @enum {string} */
                            headers_match: "all" | "any";
                            binding_id: string;
                            /** @description null: the exchange above; otherwise a poller's item events, bound to it by Interflow */
                            source: {
                                /** @constant */
                                type: "items";
                                /** Format: uuid */
                                action_id: string;
                                events: ("item.created" | "item.changed" | "item.deleted")[];
                            } | null;
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action or subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ActionsByidSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the exchange whose messages start runs of the action (or give source) */
                    exchange?: string;
                    /** @description direct: the routing key; topic: a pattern with * and #; unused otherwise (default '') */
                    binding_key?: string;
                    /** @description headers exchanges: the headers to match */
                    headers?: {
                        [key: string]: string | number | boolean;
                    };
                    /**
                     * @description default 'all'
                     * @enum {string}
                     */
                    headers_match?: "all" | "any";
                    /** @description a poller's item events (docs/pollers.md); instead of exchange */
                    source?: {
                        /** @constant */
                        type: "items";
                        /**
                         * Format: uuid
                         * @description the poller action, on a deployment this token may read
                         */
                        action_id: string;
                        /**
                         * @description which of its item events start runs
                         * @default [
                         *       "item.created",
                         *       "item.changed",
                         *       "item.deleted"
                         *     ]
                         */
                        events?: ("item.created" | "item.changed" | "item.deleted")[];
                    };
                };
            };
        };
        responses: {
            /** @description subscribed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** @description the queue of this subscription; its dead letters go to `<queue>.dead` */
                        queue: string;
                        exchange: string;
                        binding_key: string;
                        headers: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        headers_match: "all" | "any";
                        binding_id: string;
                        /** @description null: the exchange above; otherwise a poller's item events, bound to it by Interflow */
                        source: {
                            /** @constant */
                            type: "items";
                            /** Format: uuid */
                            action_id: string;
                            events: ("item.created" | "item.changed" | "item.deleted")[];
                        } | null;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action or exchange */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ActionsByidSubscriptionsBysubscriptionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** @description the queue of this subscription; its dead letters go to `<queue>.dead` */
                        queue: string;
                        exchange: string;
                        binding_key: string;
                        headers: {
                            [key: string]: string | number | boolean;
                        };
                        /** @enum {string} */
                        headers_match: "all" | "any";
                        binding_id: string;
                        /** @description null: the exchange above; otherwise a poller's item events, bound to it by Interflow */
                        source: {
                            /** @constant */
                            type: "items";
                            /** Format: uuid */
                            action_id: string;
                            events: ("item.created" | "item.changed" | "item.deleted")[];
                        } | null;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action or subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ActionsByidSubscriptionsBysubscriptionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action or subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ServicesByidMethodsImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the service with its imported methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        base_url: string;
                        methods: {
                            name: string;
                            /**
                             * @default POST
                             * @enum {string}
                             */
                            http_method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                            /** Format: starts_with */
                            path: string;
                            /** @default null */
                            description: string | null;
                            /**
                             * @description JSON Schema of the input; checked with ajv
                             * @default null
                             */
                            input_schema: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        created_at: string;
                        /** @description the content hash, also sent as the ETag header; pass it in If-Match to update or delete safely */
                        etag: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a method that actions use would be removed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the connector could not be reached or did not describe its methods */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1ActionsByidRuns: {
        parameters: {
            query?: {
                wait?: number;
            };
            header?: {
                /** @description retries with the same key (and input) return the same run instead of a new one */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description merged over the action's default input */
                    input?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description the run ended within `wait` (or was answered from the response cache) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** Format: uuid */
                        deployment_id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                        /** @enum {string} */
                        trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                        triggered_by: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        idempotency_key: string | null;
                        /** @description answered from the response cache without calling the connector */
                        from_cache: boolean;
                        attempt_count: number;
                        response: unknown;
                        error: unknown;
                        created_at: string;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            /** @description queued or still running; poll Location or pass `wait` */
            202: {
                headers: {
                    /** @description /v1/runs/{id} */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** Format: uuid */
                        deployment_id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                        /** @enum {string} */
                        trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                        triggered_by: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        idempotency_key: string | null;
                        /** @description answered from the response cache without calling the connector */
                        from_cache: boolean;
                        attempt_count: number;
                        response: unknown;
                        error: unknown;
                        created_at: string;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such action */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the Idempotency-Key was used with another input */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1HooksBysecret: {
        parameters: {
            query?: {
                wait?: number;
            };
            header?: {
                /** @description retries with the same key (and input) return the same run instead of a new one */
                "Idempotency-Key"?: string;
            };
            path: {
                secret: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the run ended within `wait` (or was answered from the response cache) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** Format: uuid */
                        deployment_id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                        /** @enum {string} */
                        trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                        triggered_by: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        idempotency_key: string | null;
                        /** @description answered from the response cache without calling the connector */
                        from_cache: boolean;
                        attempt_count: number;
                        response: unknown;
                        error: unknown;
                        created_at: string;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            /** @description queued or still running; poll Location or pass `wait` */
            202: {
                headers: {
                    /** @description /v1/runs/{id} */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** Format: uuid */
                        deployment_id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                        /** @enum {string} */
                        trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                        triggered_by: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        idempotency_key: string | null;
                        /** @description answered from the response cache without calling the connector */
                        from_cache: boolean;
                        attempt_count: number;
                        response: unknown;
                        error: unknown;
                        created_at: string;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no webhook at this address */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the Idempotency-Key was used with another input */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Runs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                action_id?: string;
                deployment_id?: string;
                status?: "queued" | "running" | "retrying" | "succeeded" | "failed";
                trigger?: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            action_id: string;
                            /** Format: uuid */
                            deployment_id: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                            /** @enum {string} */
                            trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                            triggered_by: string | null;
                            input: {
                                [key: string]: unknown;
                            };
                            idempotency_key: string | null;
                            /** @description answered from the response cache without calling the connector */
                            from_cache: boolean;
                            attempt_count: number;
                            response: unknown;
                            error: unknown;
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            duration_ms: number | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1RunsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        action_id: string;
                        /** Format: uuid */
                        deployment_id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                        /** @enum {string} */
                        trigger: "api" | "webhook" | "schedule" | "subscription" | "retry" | "message";
                        triggered_by: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        idempotency_key: string | null;
                        /** @description answered from the response cache without calling the connector */
                        from_cache: boolean;
                        attempt_count: number;
                        response: unknown;
                        error: unknown;
                        created_at: string;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                        attempts: {
                            attempt: number;
                            started_at: string;
                            finished_at: string | null;
                            duration_ms: number | null;
                            http_status: number | null;
                            outcome: ("succeeded" | "failed" | "retrying" | "rate_limited") | null;
                            error: unknown;
                            response: unknown;
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such run */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ApplySets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every apply set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            objects: {
                                kind: string;
                                name: string;
                                id: string;
                                /** @description salted digest of the credentials the CLI last sent */
                                credentials_digest?: string;
                            }[];
                            version: number;
                            /** @description also sent as the ETag header; pass it in If-Match to write safely */
                            etag: string;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1ApplySetsByname: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the apply set */
            200: {
                headers: {
                    /** @description the version of the apply set, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        objects: {
                            kind: string;
                            name: string;
                            id: string;
                            /** @description salted digest of the credentials the CLI last sent */
                            credentials_digest?: string;
                        }[];
                        version: number;
                        /** @description also sent as the ETag header; pass it in If-Match to write safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such apply set */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putV1ApplySetsByname: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read; a stale one is refused with 412 and nothing changes */
                "If-Match"?: string;
                /** @description `*`: refuse with 412 if the apply set exists already */
                "If-None-Match"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description every object this apply set created and manages */
                    objects: {
                        kind: string;
                        name: string;
                        id: string;
                        /** @description salted digest of the credentials the CLI last sent */
                        credentials_digest?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description written */
            200: {
                headers: {
                    /** @description the version of the apply set, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        objects: {
                            kind: string;
                            name: string;
                            id: string;
                            /** @description salted digest of the credentials the CLI last sent */
                            credentials_digest?: string;
                        }[];
                        version: number;
                        /** @description also sent as the ETag header; pass it in If-Match to write safely */
                        etag: string;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the apply set changed since it was read (or exists, with If-None-Match: *) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1ApplySetsByname: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read */
                "If-Match"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description forgotten */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such apply set */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Events: {
        parameters: {
            query?: never;
            header?: {
                /** @description the id of the last event received, to resume after it */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "operator" | "admin";
                        /** @description null: every deployment */
                        deployment_scopes: string[] | null;
                        /** @description the recipient the token is bound to (it reaches only that inbox, whatever its role); null: none */
                        recipient: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /**
                         * @description what the token may do: `installation` everything its role allows; `deployments` that, limited to deployment_scopes (and no installation-wide changes); `inbox` only its recipient's inbox (/v1/inbox: read, mark read, confirm, live stream)
                         * @enum {string}
                         */
                        reach: "installation" | "deployments" | "inbox";
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Overview: {
        parameters: {
            query?: {
                minutes?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the overview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description runs created per minute by current status, of deployments the token may read; minutes without runs are absent */
                        runs_per_minute: {
                            minute: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "retrying" | "succeeded" | "failed";
                            count: number;
                        }[];
                        /** @description null for deployment-scoped tokens (schedules are installation-wide) */
                        scheduler: {
                            /** @description enabled schedules */
                            enabled: number;
                            /** @description enabled schedules whose next fire is due now */
                            due: number;
                            /** @description how late the oldest due fire is (0 when none is due) */
                            lag_ms: number;
                        } | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Recipients: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                group_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of recipients */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            webhook_url: string | null;
                            group_ids: string[];
                            created_at: string;
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Recipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description e-mail channel; omitted or null: no e-mail */
                    email?: string | null;
                    /** @description webhook channel, signed with a secret returned once */
                    webhook_url?: string | null;
                    /** @description write-only: the webhook signing secret to use (Standard Webhooks whsec_<base64>, or raw); omitted: one is generated and returned once */
                    webhook_secret?: string;
                    /** @description the groups the recipient belongs to */
                    group_ids?: string[];
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        email: string | null;
                        webhook_url: string | null;
                        group_ids: string[];
                        created_at: string;
                        updated_at: string;
                        /** @description the webhook signing secret (Standard Webhooks, whsec_…) the api generated: in this response only, when a webhook was set up without one given */
                        webhook_secret: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken, or a webhook_secret without a webhook_url */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1RecipientsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the recipient */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        email: string | null;
                        webhook_url: string | null;
                        group_ids: string[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such recipient */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1RecipientsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such recipient */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1RecipientsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string | null;
                    webhook_url?: string | null;
                    /** @description write-only: replaces the signing secret (the webhook must be set) */
                    webhook_secret?: string;
                    /** @description replaces the memberships */
                    group_ids?: string[];
                };
            };
        };
        responses: {
            /** @description the recipient */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        email: string | null;
                        webhook_url: string | null;
                        group_ids: string[];
                        created_at: string;
                        updated_at: string;
                        /** @description the webhook signing secret (Standard Webhooks, whsec_…) the api generated: in this response only, when a webhook was set up without one given */
                        webhook_secret: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such recipient */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the name is taken, or a webhook_secret without a webhook_url */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1RecipientsByidWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the new secret (shown once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the new signing secret: in this response only */
                        webhook_secret: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such recipient */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the recipient has no webhook */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Groups: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            member_count: number;
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Groups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        member_count: number;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1GroupsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        member_count: number;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1GroupsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchV1GroupsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description the group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        member_count: number;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1GroupsByidMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recipient_ids: string[];
                };
            };
        };
        responses: {
            /** @description the group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        member_count: number;
                        created_at: string;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such group or recipient */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteV1GroupsByidMembersByrecipientId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                recipientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such group, or not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Notifications: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            text: string;
                            /** @enum {string} */
                            severity: "info" | "warning" | "error" | "critical";
                            link: string | null;
                            data: components["schemas"]["JsonValue"] | null;
                            to: {
                                recipients: string[];
                                groups: string[];
                            };
                            requires_confirmation: boolean;
                            expires_at: string | null;
                            dedupe_key: string | null;
                            confirmation: {
                                remind_after_ms: number | null;
                                /** @description null: no reminders */
                                max_reminders: number | null;
                                escalate_after_ms: number | null;
                                escalate_to: {
                                    recipients: string[];
                                    groups: string[];
                                };
                            };
                            /** @description who published it: token:<id> or action:<id> */
                            source: string;
                            created_at: string;
                            /** @description when its deliveries were made; null while the fan-out is queued */
                            fanned_out_at: string | null;
                            deliveries: {
                                total: number;
                                delivered: number;
                                read: number;
                                confirmed: number;
                                expired: number;
                            };
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1Notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @default  */
                    text?: string;
                    /**
                     * @default info
                     * @enum {string}
                     */
                    severity?: "info" | "warning" | "error" | "critical";
                    link?: string | null;
                    /** @description any JSON the receiving systems may use */
                    data?: components["schemas"]["JsonValue"];
                    /** @description recipients and/or groups; a recipient reached several ways gets it once */
                    to: {
                        /** @default [] */
                        recipients?: string[];
                        /** @default [] */
                        groups?: string[];
                    };
                    /** @default false */
                    requires_confirmation?: boolean;
                    expires_at?: string | null;
                    /** @description a second publish with the same key answers the first notification (200) and delivers nothing */
                    dedupe_key?: string | null;
                    /** @description reminders and escalation while unconfirmed (needs requires_confirmation) */
                    confirmation?: {
                        /** @description remind an unconfirmed recipient this long after delivery, and again this long after each reminder */
                        remind_after_ms?: number | null;
                        /** @description at most this many reminders per recipient (default 3) */
                        max_reminders?: number | null;
                        escalate_after_ms?: number | null;
                        escalate_to?: {
                            /** @default [] */
                            recipients?: string[];
                            /** @default [] */
                            groups?: string[];
                        };
                    };
                };
            };
        };
        responses: {
            /** @description the dedupe key was used before: the earlier notification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        to: {
                            recipients: string[];
                            groups: string[];
                        };
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        dedupe_key: string | null;
                        confirmation: {
                            remind_after_ms: number | null;
                            /** @description null: no reminders */
                            max_reminders: number | null;
                            escalate_after_ms: number | null;
                            escalate_to: {
                                recipients: string[];
                                groups: string[];
                            };
                        };
                        /** @description who published it: token:<id> or action:<id> */
                        source: string;
                        created_at: string;
                        /** @description when its deliveries were made; null while the fan-out is queued */
                        fanned_out_at: string | null;
                        deliveries: {
                            total: number;
                            delivered: number;
                            read: number;
                            confirmed: number;
                            expired: number;
                        };
                    };
                };
            };
            /** @description stored; its deliveries follow */
            202: {
                headers: {
                    /** @description the notification */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        to: {
                            recipients: string[];
                            groups: string[];
                        };
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        dedupe_key: string | null;
                        confirmation: {
                            remind_after_ms: number | null;
                            /** @description null: no reminders */
                            max_reminders: number | null;
                            escalate_after_ms: number | null;
                            escalate_to: {
                                recipients: string[];
                                groups: string[];
                            };
                        };
                        /** @description who published it: token:<id> or action:<id> */
                        source: string;
                        created_at: string;
                        /** @description when its deliveries were made; null while the fan-out is queued */
                        fanned_out_at: string | null;
                        deliveries: {
                            total: number;
                            delivered: number;
                            read: number;
                            confirmed: number;
                            expired: number;
                        };
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than operator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1NotificationsByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the notification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        to: {
                            recipients: string[];
                            groups: string[];
                        };
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        dedupe_key: string | null;
                        confirmation: {
                            remind_after_ms: number | null;
                            /** @description null: no reminders */
                            max_reminders: number | null;
                            escalate_after_ms: number | null;
                            escalate_to: {
                                recipients: string[];
                                groups: string[];
                            };
                        };
                        /** @description who published it: token:<id> or action:<id> */
                        source: string;
                        created_at: string;
                        /** @description when its deliveries were made; null while the fan-out is queued */
                        fanned_out_at: string | null;
                        deliveries: {
                            total: number;
                            delivered: number;
                            read: number;
                            confirmed: number;
                            expired: number;
                        };
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such notification */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1NotificationsByidDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                state?: "delivered" | "read" | "confirmed" | "expired";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            notification_id: string;
                            /** Format: uuid */
                            recipient_id: string;
                            /** @enum {string} */
                            reason: "addressed" | "escalation";
                            /** @enum {string} */
                            state: "delivered" | "read" | "confirmed" | "expired";
                            title: string;
                            text: string;
                            /** @enum {string} */
                            severity: "info" | "warning" | "error" | "critical";
                            link: string | null;
                            data: components["schemas"]["JsonValue"] | null;
                            requires_confirmation: boolean;
                            expires_at: string | null;
                            delivered_at: string;
                            read_at: string | null;
                            confirmed_at: string | null;
                            /** @description the name of the token that confirmed */
                            confirmed_by: string | null;
                            confirm_comment: string | null;
                            expired_at: string | null;
                            reminded_at: string | null;
                            escalated_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such notification */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1NotificationsByidHistory: {
        parameters: {
            query?: {
                limit?: number;
                after?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description history entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "published" | "delivered" | "read" | "confirmed" | "expired" | "reminded" | "escalated" | "sent" | "send_failed" | "dead_lettered";
                            delivery_id: string | null;
                            recipient_id: string | null;
                            detail: {
                                [key: string]: unknown;
                            };
                            at: string;
                        }[];
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such notification */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1Inbox: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                filter?: "unread" | "unconfirmed" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            notification_id: string;
                            /** Format: uuid */
                            recipient_id: string;
                            /** @enum {string} */
                            reason: "addressed" | "escalation";
                            /** @enum {string} */
                            state: "delivered" | "read" | "confirmed" | "expired";
                            title: string;
                            text: string;
                            /** @enum {string} */
                            severity: "info" | "warning" | "error" | "critical";
                            link: string | null;
                            data: components["schemas"]["JsonValue"] | null;
                            requires_confirmation: boolean;
                            expires_at: string | null;
                            delivered_at: string;
                            read_at: string | null;
                            confirmed_at: string | null;
                            /** @description the name of the token that confirmed */
                            confirmed_by: string | null;
                            confirm_comment: string | null;
                            expired_at: string | null;
                            reminded_at: string | null;
                            escalated_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1InboxStream: {
        parameters: {
            query?: never;
            header?: {
                /** @description the id of the last event received, to resume after it */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getV1InboxByid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        notification_id: string;
                        /** Format: uuid */
                        recipient_id: string;
                        /** @enum {string} */
                        reason: "addressed" | "escalation";
                        /** @enum {string} */
                        state: "delivered" | "read" | "confirmed" | "expired";
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        delivered_at: string;
                        read_at: string | null;
                        confirmed_at: string | null;
                        /** @description the name of the token that confirmed */
                        confirmed_by: string | null;
                        confirm_comment: string | null;
                        expired_at: string | null;
                        reminded_at: string | null;
                        escalated_at: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not in this inbox */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1InboxByidRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        notification_id: string;
                        /** Format: uuid */
                        recipient_id: string;
                        /** @enum {string} */
                        reason: "addressed" | "escalation";
                        /** @enum {string} */
                        state: "delivered" | "read" | "confirmed" | "expired";
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        delivered_at: string;
                        read_at: string | null;
                        confirmed_at: string | null;
                        /** @description the name of the token that confirmed */
                        confirmed_by: string | null;
                        confirm_comment: string | null;
                        expired_at: string | null;
                        reminded_at: string | null;
                        escalated_at: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not in this inbox */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the notification expired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postV1InboxByidConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string | null;
                };
            };
        };
        responses: {
            /** @description the confirmed delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        notification_id: string;
                        /** Format: uuid */
                        recipient_id: string;
                        /** @enum {string} */
                        reason: "addressed" | "escalation";
                        /** @enum {string} */
                        state: "delivered" | "read" | "confirmed" | "expired";
                        title: string;
                        text: string;
                        /** @enum {string} */
                        severity: "info" | "warning" | "error" | "critical";
                        link: string | null;
                        data: components["schemas"]["JsonValue"] | null;
                        requires_confirmation: boolean;
                        expires_at: string | null;
                        delivered_at: string;
                        read_at: string | null;
                        confirmed_at: string | null;
                        /** @description the name of the token that confirmed */
                        confirmed_by: string | null;
                        confirm_comment: string | null;
                        expired_at: string | null;
                        reminded_at: string | null;
                        escalated_at: string | null;
                    };
                };
            };
            /** @description the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, a body that is not UTF-8 JSON, a bad field); details name each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token */
            401: {
                headers: {
                    /** @description the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the token's role is weaker than viewer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not in this inbox */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the notification expired, or does not ask for confirmation */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request body is larger than the configured BODY_LIMIT (measured after inflating) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request line and headers together exceed 16 KB (a path or query string that long) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the database is unavailable (down or restarting) or this instance is shutting down: retry */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
