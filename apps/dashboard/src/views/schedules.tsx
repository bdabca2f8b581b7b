import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatTime, Section } from '../components/bits';
import { PagedCards } from '../components/paged-cards';
import { FormActions, numberOrText, SelectField, TextField } from '../forms/fields';
import { InputEditor } from '../forms/input-editor';
import { draftOf, draftProblems, type InputDraft } from '../forms/input-draft';
import { requestSchema } from '../forms/request-schema';
import { mergeProblems, schemaProblems, type Problems } from '../forms/schema-problems';
import { useCheckedForm } from '../forms/use-checked-form';
import { useMe } from '../me';
import { useAction, useActionChoices, useMethodSchema } from '../queries';
import type { RequestBody, Schedule } from '../types';

function zoneOf(schedule: Schedule): string {
  return schedule.rule.type === 'cron' ? schedule.rule.timezone : 'UTC';
}

function describeRule(rule: Schedule['rule']): string {
  if (rule.type === 'cron') return `cron ${rule.expression} (${rule.timezone})`;
  if (rule.type === 'interval') return `every ${rule.every_ms / 1000} s`;
  return `once at ${rule.at}`;
}

export function SchedulesView() {
  const client = useClient();
  const { canWrite } = useMe();
  return (
    <>
      <PagedCards
        title="Schedules"
        queryKey="schedules"
        empty="No schedules."
        fetchPage={(cursor, limit) => orThrow(client.GET('/v1/schedules', { params: { query: { limit, cursor } } }))}
        card={(schedule) => <ScheduleCard schedule={schedule} />}
      />
      {canWrite && <CreateSchedule />}
    </>
  );
}

/** A schedule: its next fires in its own time zone, pause / resume and fire now. */
function ScheduleCard({ schedule }: { schedule: Schedule }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const { canWrite } = useMe();
  const zone = zoneOf(schedule);
  const next = useQuery({
    queryKey: ['schedule', schedule.id, 'next', schedule.next_fire_at, schedule.enabled],
    enabled: schedule.enabled,
    queryFn: () => orThrow(client.GET('/v1/schedules/{id}/next-fires', { params: { path: { id: schedule.id }, query: { count: 3 } } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['schedules'] });
  const toggle = useMutation({
    mutationFn: () => orThrow(client.PATCH('/v1/schedules/{id}', { params: { path: { id: schedule.id } }, body: { enabled: !schedule.enabled } })),
    onSuccess: refresh,
  });
  const fire = useMutation({
    mutationFn: () => orThrow(client.POST('/v1/schedules/{id}/fire', { params: { path: { id: schedule.id } } })),
    onSuccess: refresh,
  });
  return (
    <div data-schedule={schedule.name}>
      <div className="row spread">
        <h3>{schedule.name}</h3>
        <span className={`badge ${schedule.enabled ? 'badge-succeeded' : 'badge-queued'}`}>{schedule.enabled ? 'active' : 'paused'}</span>
      </div>
      <p>{describeRule(schedule.rule)}</p>
      <p>
        Next fires ({zone}): {schedule.enabled ? (next.data?.fire_times ?? []).map((time) => formatTime(time, zone)).join(' · ') || '—' : 'paused'}
      </p>
      <p>Last fired: {formatTime(schedule.last_fired_at, zone)}</p>
      {schedule.last_error && <p className="error">Last error: {schedule.last_error}</p>}
      <ErrorNote error={toggle.error ?? fire.error} />
      {canWrite && (
        <div className="row">
          <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
            {schedule.enabled ? `Pause ${schedule.name}` : `Resume ${schedule.name}`}
          </button>
          <button type="button" onClick={() => fire.mutate()} disabled={!schedule.enabled || fire.isPending} title={schedule.enabled ? undefined : 'resume it first'}>
            Fire {schedule.name} now
          </button>
        </div>
      )}
      {fire.isSuccess && schedule.enabled && <p role="status">Fired: the producer runs it within a moment.</p>}
    </div>
  );
}

type ScheduleValues = {
  name: string;
  'target.action_id': string;
  'target.input': InputDraft;
  'rule.type': string;
  'rule.expression': string;
  'rule.timezone': string;
  'rule.every_ms': string;
};

const NEW_SCHEDULE = (): ScheduleValues => ({
  name: '',
  'target.action_id': '',
  'target.input': draftOf({}),
  'rule.type': 'cron',
  'rule.expression': '0 */5 * * * *',
  'rule.timezone': Intl.DateTimeFormat().resolvedOptions().timeZone,
  'rule.every_ms': '60000',
});

function scheduleBody(values: ScheduleValues) {
  return {
    name: values.name,
    target: { type: 'action', action_id: values['target.action_id'], input: values['target.input'].value ?? {} },
    rule:
      values['rule.type'] === 'cron'
        ? { type: 'cron', expression: values['rule.expression'], timezone: values['rule.timezone'] }
        : { type: 'interval', every_ms: numberOrText(values['rule.every_ms']) },
  };
}

/** Is `zone` an IANA time zone this browser knows (as the api's croner will)? */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** A new schedule of an action: its input is checked (merged over the action's defaults) against the method's JSON Schema. */
function CreateSchedule() {
  const client = useClient();
  const queryClient = useQueryClient();
  const actions = useActionChoices();
  const form = useCheckedForm({
    initial: NEW_SCHEDULE,
    schema: requestSchema('POST /v1/schedules'),
    toBody: scheduleBody,
    extraProblems: (values) => {
      const problems: Problems = new Map();
      if (values['rule.type'] === 'cron' && values['rule.timezone'] && !knownTimeZone(values['rule.timezone'])) problems.set('rule.timezone', 'is not a known IANA time zone');
      if (!values['target.input'].value) return mergeProblems(problems, draftProblems(values['target.input'], null, 'target.input'));
      if (!action.data || !schema) return problems;
      return mergeProblems(problems, schemaProblems({ ...action.data.default_input, ...values['target.input'].value }, schema, { prefix: 'target.input' }));
    },
    send: (body) => orThrow(client.POST('/v1/schedules', { body: body as RequestBody<'/v1/schedules', 'post'> })),
    onSent: () => {
      form.reset(NEW_SCHEDULE());
      void queryClient.invalidateQueries({ queryKey: ['schedules'] });
    },
  });
  const action = useAction(form.values['target.action_id'] || undefined);
  const schema = useMethodSchema(action.data?.deployment_id, action.data?.method);
  return (
    <Section title="New schedule">
      <form className="form" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label="New schedule">
        <TextField form={form} path="name" label="Name" />
        <SelectField
          form={form}
          path="target.action_id"
          label="Action"
          placeholder="choose…"
          options={(actions.data?.items ?? []).map((choice) => ({ value: choice.id, label: choice.name }))}
        />
        <InputEditor key={form.values['target.action_id']} form={form} path="target.input" label="Input" schema={schema} partial />
        <SelectField
          form={form}
          path="rule.type"
          label="Rule"
          options={[
            { value: 'cron', label: 'cron' },
            { value: 'interval', label: 'interval' },
          ]}
        />
        {form.values['rule.type'] === 'cron' ? (
          <div className="fields-row">
            <TextField form={form} path="rule.expression" label="Cron expression" hint="5 fields, or 6 with seconds first" />
            <TextField form={form} path="rule.timezone" label="Time zone" hint="IANA name, e.g. Europe/Berlin" list="time-zones" />
            <datalist id="time-zones">
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
        ) : (
          <TextField form={form} path="rule.every_ms" label="Every (ms)" type="number" hint="60000 is a minute; at least 1000" />
        )}
        <FormActions form={form} label="Create schedule" />
      </form>
    </Section>
  );
}
