import { createInterflowClient, type InterflowClient } from '@interflow/client';
import type { Context } from './contexts';

export const CLI_VERSION = '0.1.0';

export function clientFor(context: Context, fetchImpl?: typeof fetch): InterflowClient {
  return createInterflowClient({
    baseUrl: context.url,
    token: context.token,
    headers: { 'user-agent': `interflow-cli/${CLI_VERSION}` },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/** Every item of a paginated list, following `next_cursor` to the end. */
export async function listAll<Item>(fetchPage: (cursor: string | undefined) => Promise<{ items: Item[]; next_cursor: string | null }>): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
