import { idParams } from '../../http/validate';
import { pageSchema } from '../../http/pagination';
import { previewJson, scheduleFireJson, scheduleJson } from '../../schemas/schedule-json';
import { createScheduleBody, listSchedulesQuery, previewBody, previewQuery, updateScheduleBody } from '../../schemas/schedules';
import { etagHeader, ifMatchHeader, staleIfMatch } from '../conditional-requests';
import type { PathSpecs } from '../operation-spec';

const tags = ['schedules'];

export const schedulePaths: PathSpecs = {
  '/v1/schedules': {
    post: {
      summary: 'Create a schedule',
      description:
        'A rule (cron with optional seconds and an IANA time zone, a fixed interval, or one instant) that makes the producers publish an action run or a message to an exchange. Producers pick it up at once (NOTIFY).',
      tags,
      auth: 'operator',
      body: createScheduleBody,
      responses: { 201: { description: 'created, with its next_fire_at', schema: scheduleJson }, 409: { description: 'the name is taken' } },
    },
    get: {
      summary: 'List schedules',
      tags,
      auth: 'viewer',
      query: listSchedulesQuery,
      responses: { 200: { description: 'a page of schedules', schema: pageSchema(scheduleJson) } },
    },
  },
  '/v1/schedules/preview': {
    post: {
      summary: 'Preview the next fire times of a rule',
      description: 'Nothing is stored. Daylight-saving transitions are applied as the README documents.',
      tags,
      auth: 'viewer',
      body: previewBody,
      responses: { 200: { description: 'the next `count` fire times (fewer when the rule ends)', schema: previewJson } },
    },
  },
  '/v1/schedules/{id}/fire': {
    post: {
      summary: 'Fire a schedule now',
      description:
        'Its next fire becomes now: a producer fires it at once through the usual path (fire key, overlap policy), then goes on with the regular fires of its rule.',
      tags,
      auth: 'operator',
      params: idParams,
      responses: {
        202: { description: 'due now; a producer fires it', schema: scheduleJson },
        404: { description: 'no such schedule' },
        409: { description: 'the schedule is paused' },
      },
    },
  },
  '/v1/schedules/{id}': {
    get: {
      summary: 'Get a schedule',
      tags,
      auth: 'viewer',
      params: idParams,
      responses: { 200: { description: 'the schedule', schema: scheduleJson, headers: etagHeader('schedule') }, 404: { description: 'no such schedule' } },
    },
    patch: {
      summary: 'Change a schedule (pause and resume with `enabled`)',
      description:
        'Only the fields given change; `target` and `rule` are replaced whole. A changed timing or a resume recomputes next_fire_at from now: fires that fell into a pause are not made up.',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      body: updateScheduleBody,
      responses: {
        200: { description: 'the schedule as changed', schema: scheduleJson, headers: etagHeader('schedule') },
        404: { description: 'no such schedule' },
        409: { description: 'the new name is taken' },
        412: staleIfMatch,
      },
    },
    delete: {
      summary: 'Delete a schedule',
      description: 'Messages it already published stay in their queues.',
      tags,
      auth: 'operator',
      params: idParams,
      headers: ifMatchHeader,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such schedule' }, 412: staleIfMatch },
    },
  },
  '/v1/schedules/{id}/next-fires': {
    get: {
      summary: 'Preview the next fire times of a stored schedule',
      tags,
      auth: 'viewer',
      params: idParams,
      query: previewQuery,
      responses: { 200: { description: 'the next `count` fire times', schema: previewJson }, 404: { description: 'no such schedule' } },
    },
  },
  '/v1/schedules/{id}/fires': {
    get: {
      summary: 'List the fires of a schedule, newest first',
      description:
        'Every handled fire (its exactly-once key): published, skipped_overlap (the previous was unfinished) or expired (its TTL ran out before it could be published). Fires older than FIRE_KEY_RETENTION_MS are pruned; missed fires are counted in metrics, not listed.',
      tags,
      auth: 'viewer',
      params: idParams,
      query: listSchedulesQuery,
      responses: { 200: { description: 'a page of fires', schema: pageSchema(scheduleFireJson) }, 404: { description: 'no such schedule' } },
    },
  },
};
