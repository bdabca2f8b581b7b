import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { orThrow, useClient } from '../api';
import { ErrorNote, formatMs, formatTime, Section, StatusBadge } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { useActionChoices, useDeploymentChoices } from '../queries';

const STATUSES = ['queued', 'running', 'retrying', 'succeeded', 'failed'] as const;
const TRIGGERS = ['api', 'webhook', 'schedule', 'subscription', 'retry', 'message'] as const;

interface Filters {
  action_id?: string;
  deployment_id?: string;
  status?: (typeof STATUSES)[number];
  trigger?: (typeof TRIGGERS)[number];
  since?: string;
  until?: string;
}

/** `datetime-local` value (local time) → ISO instant, or undefined when empty. */
function instant(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

const choice = (value: string) => ({ value, label: value });

/** One filter: "any", or one of the choices. */
function FilterSelect({ label, value, options, onChange }: { label: string; value: string | undefined; options: { value: string; label: string }[]; onChange(value: string | undefined): void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RunsView() {
  const client = useClient();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursorPages(JSON.stringify(filters));
  const actions = useActionChoices();
  const deployments = useDeploymentChoices();
  const runs = useQuery({
    queryKey: ['runs', filters, pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/runs', { params: { query: { ...filters, limit: 25, cursor: pages.cursor } } })),
    placeholderData: (previous) => previous,
  });
  const actionName = new Map((actions.data?.items ?? []).map((action) => [action.id, action.name]));
  const set = (patch: Partial<Filters>) => setFilters((current) => Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v)) as Filters);
  return (
    <Section title="Runs">
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter runs">
        <FilterSelect
          label="Action"
          value={filters.action_id}
          options={(actions.data?.items ?? []).map((action) => ({ value: action.id, label: action.name }))}
          onChange={(action_id) => set({ action_id })}
        />
        <FilterSelect
          label="Deployment"
          value={filters.deployment_id}
          options={(deployments.data?.items ?? []).map((deployment) => ({ value: deployment.id, label: deployment.name }))}
          onChange={(deployment_id) => set({ deployment_id })}
        />
        <FilterSelect label="Status" value={filters.status} options={STATUSES.map(choice)} onChange={(status) => set({ status: status as Filters['status'] })} />
        <FilterSelect label="Trigger" value={filters.trigger} options={TRIGGERS.map(choice)} onChange={(trigger) => set({ trigger: trigger as Filters['trigger'] })} />
        <label>
          From
          <input type="datetime-local" onChange={(e) => set({ since: instant(e.target.value) })} />
        </label>
        <label>
          To
          <input type="datetime-local" onChange={(e) => set({ until: instant(e.target.value) })} />
        </label>
      </form>
      <ErrorNote error={runs.error} />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
        <table className="runs">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
              <th scope="col">Trigger</th>
              <th scope="col">Created</th>
              <th scope="col" className="num">Attempts</th>
              <th scope="col" className="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {(runs.data?.items ?? []).map((run) => (
              <tr key={run.id} data-run-id={run.id}>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>
                  <Link href={`/runs/${run.id}`}>{actionName.get(run.action_id) ?? run.action_id.slice(0, 8)}</Link>
                </td>
                <td>{run.trigger}</td>
                <td>{formatTime(run.created_at)}</td>
                <td className="num">{run.attempt_count}</td>
                <td className="num">{formatMs(run.duration_ms)}</td>
              </tr>
            ))}
            {runs.data && runs.data.items.length === 0 && (
              <tr>
                <td colSpan={6}>No runs match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={pages.page} nextCursor={runs.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </Section>
  );
}
