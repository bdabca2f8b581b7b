import type { Delivery } from '@interflow/broker';
import { type SqlExecutor } from '@interflow/core';
import { claimingCtes, type ClaimRequest } from './claim-sql';
import { compareClaimOrder, toDelivery, type MessageRow } from './delivery-row';
import { envelopesCte } from './direct-publish-sql';
import type { EncodedPublications } from './publication-encoding';

/** What the statement answers: the publish (null when nothing was stored) and the deliveries claimed. */
export interface PublishAndClaimAnswer {
  /** Null: a routing key names no queue or a bounded one; nothing was inserted (the general statement must run). */
  stored: {
    /** Message ids by row position. */
    ids: string[];
    /** By row position: the new row was leased to the claimer (its delivery is among `deliveries`). */
    leased: boolean[];
  } | null;
  /** Claimed backlog and leased new rows, in claim order. */
  deliveries: Delivery[];
}

type AnswerRow = MessageRow & { kind: 'claim' | 'insert'; ids: string[] | null; leased: boolean[] | null };

/**
 * A direct insert (`insertDirect`, default exchange, no dedupe) that also claims for a
 * consumer of this process waiting on one of the batch's queues, in ONE statement and one
 * durable commit. It claims what the consumer's own claim would (lapsed leases, then
 * ready messages by priority and age, SKIP LOCKED, up to `claim.max`), and the new rows
 * given a token in `tokens` (by row position) are inserted already leased to it, as
 * that claim would have left them (attempt 1, not handed over, lease from the message's
 * ack deadline, else `claim.leaseMs`, else the queue's), but only when the claim took
 * everything claimable and they fit after it: a new message never overtakes one that
 * was waiting. Otherwise they are stored unleased, as usual.
 *
 * The consumer's claim after the commit, and that claim's update of every new row, are
 * saved; nothing reaches the consumer before the commit. Rows of the claimed backlog
 * are delivered even when the insert itself stored nothing.
 */
export async function publishAndClaim(
  sql: SqlExecutor,
  batch: EncodedPublications,
  count: number,
  claim: ClaimRequest,
  tokens: (string | null)[],
): Promise<PublishAndClaimAnswer> {
  const offered = tokens.filter((token) => token !== null).length;
  const rows = await sql<AnswerRow[]>`
    with ${envelopesCte(sql, batch)},
    ${claimingCtes(sql, claim, 'durable')},
    fresh as (select (select count(*) from chosen) + ${offered} <= ${claim.max} as leased),
    inserted as (
      insert into mq_messages (queue, payload, headers, priority, visible_at, expires_at, ack_deadline_ms, reply_to, correlation_id, sender,
        lease_token, lease_expires_at, attempts, consumer_id, handed_over)
      select e.queue, p.payload, coalesce(e.headers, '{}'), e.priority,
        greatest(coalesce(e.not_before, now()), now() + coalesce(e.delay_ms, 0) * interval '1 millisecond'),
        least(e.expires_at, now() + e.ttl_ms * interval '1 millisecond', now() + e.message_ttl_ms * interval '1 millisecond'),
        e.ack_deadline_ms, e.reply_to, e.correlation_id, e.sender,
        d.token,
        case when d.token is not null then now() + coalesce(e.ack_deadline_ms, ${claim.leaseMs}::int, e.queue_ack_deadline_ms) * interval '1 millisecond' end,
        case when d.token is not null then 1 else 0 end,
        case when d.token is not null then ${claim.consumerId}::text end,
        d.token is null
      from rows from (jsonb_array_elements(${batch.payloads}::text::jsonb), unnest(${batch.envelopeOfRow}::int4[]), unnest(${tokens}::uuid[]))
        with ordinality as p(payload, envelope_of_row, offered_token, ord)
      join envelopes e on e.envelope = coalesce(p.envelope_of_row, 1)
      cross join lateral (select case when (select leased from fresh) then p.offered_token end as token) d
      where (select bool_and(queue is not null and max_length is null) from envelopes)
      order by p.ord
      returning *
    )
    select 'claim' as kind, c.*, null::bigint[] as ids, null::boolean[] as leased from claimed c
    union all
    select 'claim', i.id, i.queue, i.payload, i.headers, i.priority, i.attempts, i.lease_token, i.lease_expires_at, i.visible_at,
      i.reply_to, i.correlation_id, i.sender, i.published_at, i.expires_at, i.deaths, i.recovered, null, null
    from inserted i where i.lease_token is not null
    union all
    select 'insert', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      array_agg(id order by id), array_agg(lease_token is not null order by id)
    from inserted`;
  const answer: PublishAndClaimAnswer = { stored: null, deliveries: [] };
  for (const row of rows) {
    if (row.kind === 'claim') answer.deliveries.push(toDelivery(row));
    else if (row.ids && row.ids.length === count) answer.stored = { ids: row.ids, leased: row.leased ?? [] };
  }
  answer.deliveries.sort(compareClaimOrder);
  return answer;
}
