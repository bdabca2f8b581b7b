import type { PathSpecs } from '../operation-spec';

const EVENT_KINDS = [
  'run.created',
  'run.started',
  'run.retrying',
  'run.finished',
  'message.dead_lettered',
  'schedule.fired',
  'queue.depth',
  'reset',
] as const;

/** The stream's body: what each event's `data:` line (JSON) holds. */
const streamSchema = {
  type: 'string',
  description:
    'One event, as the JSON of an SSE `data:` line; the SSE `event:` field names its kind (' +
    EVENT_KINDS.join(', ') +
    '). Run events carry run_id, action_id, deployment_id, status, trigger, attempts, from_cache, created_at, ' +
    'started_at, finished_at, duration_ms. message.dead_lettered: message_id, queue (the dead-letter queue), from_queue, ' +
    'reason, time. schedule.fired: count and fires [{schedule_id, name, fire_time, outcome}] (one event per fire ' +
    'statement and deployment, at most 50 fires listed). queue.depth: queues [{queue, ready, delayed, in_flight}], only ' +
    'the queues whose depth changed, at most every few seconds; it has no id and is not replayed. reset: the ' +
    'Last-Event-ID was outside the replay window; reload state, the stream goes on from now. ' +
    'Logged events also carry event_id (the SSE id, `<tx>-<id>`) and at (when the change was written).',
};

export const eventPaths: PathSpecs = {
  '/v1/events': {
    get: {
      summary: 'Follow what happens, as Server-Sent Events',
      description:
        'Run created / started / retrying / finished, messages dead-lettered, schedules fired, and queue depth changes, ' +
        "filtered for the token: a deployment-scoped token sees only its deployments' events, installation-wide events " +
        "(user queues, exchange schedules) need an unscoped token, and Interflow's own queues (interflow.*) an unscoped " +
        'admin. Every logged event has an `id:`; a client that reconnects with `Last-Event-ID` gets exactly the events ' +
        'it missed, in order, as long as they are within the replay window (EVENT_REPLAY_WINDOW_MS of the producer, ' +
        'one hour by default); past it the stream starts with a `reset` event. Comment lines are heartbeats.',
      tags: ['events'],
      auth: 'viewer',
      headers: {
        'Last-Event-ID': { description: 'the id of the last event received, to resume after it' },
      },
      responses: {
        200: {
          description: 'an endless text/event-stream',
          content: { mediaType: 'text/event-stream', schema: streamSchema },
        },
      },
    },
  },
};
