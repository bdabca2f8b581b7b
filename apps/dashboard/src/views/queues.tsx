import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { orThrow, useClient } from '../api';
import { ConfirmButton } from '../components/confirm';
import { ErrorNote, formatTime, JsonBlock, Section } from '../components/bits';
import { Pager, useCursorPages } from '../components/pages';
import { useMe } from '../me';
import type { QueueStats } from '../types';
import { QueueDepthTable } from './overview';

/** Stats (depth and rates) of the queues on screen; live depth comes from the event stream. */
export function useQueueStats(names: string[]): Map<string, QueueStats> {
  const client = useClient();
  const results = useQueries({
    queries: names.map((name) => ({
      queryKey: ['queue', name, 'stats'],
      queryFn: () => orThrow(client.GET('/v1/queues/{name}/stats', { params: { path: { name } } })),
    })),
  });
  const stats = new Map<string, QueueStats>();
  results.forEach((result, index) => {
    const name = names[index];
    if (name && result.data) stats.set(name, result.data);
  });
  return stats;
}

export function QueuesView() {
  const client = useClient();
  const pages = useCursorPages('queues');
  const queues = useQuery({
    queryKey: ['queues', pages.cursor],
    queryFn: () => orThrow(client.GET('/v1/queues', { params: { query: { limit: 50, cursor: pages.cursor } } })),
  });
  const names = (queues.data?.items ?? []).map((queue) => queue.name);
  const stats = useQueueStats(names);
  return (
    <Section title="Queues">
      <ErrorNote error={queues.error} />
      <QueueDepthTable names={names} stats={stats} />
      <Pager page={pages.page} nextCursor={queues.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </Section>
  );
}

export function QueueView({ name }: { name: string }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const { canWrite, unscoped } = useMe();
  const path = { params: { path: { name } } };
  const queue = useQuery({ queryKey: ['queue', name], queryFn: () => orThrow(client.GET('/v1/queues/{name}', path)) });
  const stats = useQueueStats([name]).get(name);
  const messages = useQuery({
    queryKey: ['queue', name, 'messages'],
    queryFn: () => orThrow(client.GET('/v1/queues/{name}/messages', { params: { path: { name }, query: { limit: 50 } } })),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['queue'] });
  const purge = useMutation({
    mutationFn: () => orThrow(client.POST('/v1/queues/{name}/purge', path)),
    onSuccess: (result) => {
      setNotice(`Purged ${result.purged} messages.`);
      refresh();
    },
  });
  const redrive = useMutation({
    mutationFn: (messageIds?: string[]) =>
      orThrow(client.POST('/v1/queues/{name}/redrive', { params: { path: { name } }, body: messageIds ? { message_ids: messageIds } : {} })),
    onSuccess: (result) => {
      setNotice(`Redrove ${result.redriven} dead letters.`);
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
      void queryClient.invalidateQueries({ queryKey: ['queues'] });
    },
  });
  const items = messages.data?.items ?? [];
  const isDeadLetterQueue = items.some((message) => (message.deaths?.length ?? 0) > 0);
  const mayChange = canWrite && unscoped;
  return (
    <>
      <p>
        <Link href="/queues">← Queues</Link>
      </p>
      <Section
        title={`Queue ${name}`}
        actions={
          mayChange ? (
            <div className="row">
              {isDeadLetterQueue && (
                <ConfirmButton
                  label="Redrive all"
                  question={`Move every dead letter in ${name} back to the queue it died in?`}
                  confirmLabel="Redrive all"
                  onConfirm={() => redrive.mutate(undefined)}
                />
              )}
              <ConfirmButton label="Purge" question={`Delete every waiting message in ${name}? This cannot be undone.`} confirmLabel="Purge" onConfirm={() => purge.mutate()} />
            </div>
          ) : null
        }
      >
        <ErrorNote error={queue.error ?? purge.error ?? redrive.error} />
        {notice && <p role="status">{notice}</p>}
        {stats && (
          <dl className="facts">
            <dt>Ready</dt>
            <dd>{stats.ready}</dd>
            <dt>Delayed</dt>
            <dd>{stats.delayed}</dd>
            <dt>In flight</dt>
            <dd>{stats.in_flight}</dd>
            <dt>Dead</dt>
            <dd>{stats.dead}</dd>
            <dt>Dead-letter queue</dt>
            <dd>{queue.data?.policy.dead_letter_queue ?? '—'}</dd>
            <dt>Max attempts</dt>
            <dd>{queue.data?.policy.max_attempts ?? '—'}</dd>
          </dl>
        )}
      </Section>
      <Section title="Waiting messages (peek)">
        <ErrorNote error={messages.error} />
        <ul className="messages">
          {items.map((message) => {
            const death = message.deaths?.[message.deaths.length - 1];
            return (
              <li key={message.message_id} className="message">
                <div className="row spread">
                  <span>
                    #{message.message_id} · priority {message.priority} · published {formatTime(message.published_at)}
                  </span>
                  {mayChange && death && (
                    <ConfirmButton
                      label={`Redrive #${message.message_id}`}
                      question={`Move message #${message.message_id} back to ${death.queue}?`}
                      confirmLabel="Redrive"
                      onConfirm={() => redrive.mutate([message.message_id])}
                    />
                  )}
                </div>
                {death && (
                  <p className="death">
                    Died in {death.queue}: {death.reason}
                    {death.detail ? ` — ${death.detail}` : ''}
                  </p>
                )}
                <JsonBlock value={message.payload} label={`payload of message ${message.message_id}`} />
              </li>
            );
          })}
          {items.length === 0 && <li>Nothing waiting.</li>}
        </ul>
      </Section>
    </>
  );
}
