import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatTime, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import type { Schedule } from '../types';

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
  const pages = useCursorPages('schedules');
  const schedules = useQuery({
    queryKey: ['schedules', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/schedules', { params: { query: { limit: 25, cursor: pages.cursor } } })),
  });
  return (
    <>
      <Section title="Schedules">
        <ErrorNote error={schedules.error} />
        <ul className="cards">
          {(schedules.data?.items ?? []).map((schedule) => (
            <ScheduleCard key={schedule.id} schedule={schedule} />
          ))}
          {schedules.data && schedules.data.items.length === 0 && <li>No schedules.</li>}
        </ul>
        <Pager page={pages.page} nextCursor={schedules.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </Section>
      {canWrite && <CreateSchedule />}
    </>
  );
}

function ScheduleCard({ schedule }: { schedule: Schedule }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const { canWrite } = useMe();
  const zone = zoneOf(schedule);
  const next = useQuery({
    queryKey: ['schedule', schedule.id, 'next', schedule.next_fire_at, schedule.enabled],
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
    <li className="card" data-schedule={schedule.name}>
      <div className="row spread">
        <h3>{schedule.name}</h3>
        <span className={`badge ${schedule.enabled ? 'badge-succeeded' : 'badge-queued'}`}>{schedule.enabled ? 'active' : 'paused'}</span>
      </div>
      <p>{describeRule(schedule.rule)}</p>
      <p>
        Next fires ({zone}):{' '}
        {schedule.enabled ? (next.data?.fire_times ?? []).map((time) => formatTime(time, zone)).join(' · ') || '—' : 'paused'}
      </p>
      <p>Last fired: {formatTime(schedule.last_fired_at, zone)}</p>
      {schedule.last_error && <p className="error">Last error: {schedule.last_error}</p>}
      <ErrorNote error={toggle.error ?? fire.error} />
      {canWrite && (
        <div className="row">
          <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
            {schedule.enabled ? `Pause ${schedule.name}` : `Resume ${schedule.name}`}
          </button>
          <button type="button" onClick={() => fire.mutate()} disabled={!schedule.enabled || fire.isPending}>
            Fire now
          </button>
        </div>
      )}
    </li>
  );
}

function CreateSchedule() {
  const client = useClient();
  const queryClient = useQueryClient();
  const actions = useQuery({ queryKey: ['actions', 'all'], queryFn: () => orThrow(client.GET('/v1/actions', { params: { query: { limit: 500 } } })) });
  const [form, setForm] = useState({ name: '', actionId: '', kind: 'cron', expression: '0 */5 * * * *', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, seconds: '60', input: '{}' });
  const create = useMutation({
    mutationFn: () =>
      orThrow(
        client.POST('/v1/schedules', {
          body: {
            name: form.name,
            target: { type: 'action', action_id: form.actionId, input: JSON.parse(form.input) as Record<string, never> },
            rule: form.kind === 'cron' ? { type: 'cron', expression: form.expression, timezone: form.timezone } : { type: 'interval', every_ms: Number(form.seconds) * 1000 },
          },
        }),
      ),
    onSuccess: () => {
      setForm((current) => ({ ...current, name: '' }));
      void queryClient.invalidateQueries({ queryKey: ['schedules'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  return (
    <Section title="New schedule">
      <form className="form" onSubmit={submit}>
        <label>
          Name
          <input required {...field('name')} />
        </label>
        <label>
          Action
          <select required {...field('actionId')}>
            <option value="">choose…</option>
            {(actions.data?.items ?? []).map((action) => (
              <option key={action.id} value={action.id}>
                {action.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Input (JSON)
          <input {...field('input')} />
        </label>
        <label>
          Rule
          <select {...field('kind')}>
            <option value="cron">cron</option>
            <option value="interval">interval</option>
          </select>
        </label>
        {form.kind === 'cron' ? (
          <>
            <label>
              Cron expression (seconds first when 6 fields)
              <input required {...field('expression')} />
            </label>
            <label>
              Time zone
              <input required {...field('timezone')} />
            </label>
          </>
        ) : (
          <label>
            Every (seconds)
            <input type="number" min={1} required {...field('seconds')} />
          </label>
        )}
        <ErrorNote error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Create schedule
        </button>
      </form>
    </Section>
  );
}
