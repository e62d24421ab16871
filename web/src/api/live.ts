import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The server's stream of ledger changes (server-sent events; see src/http/routes/events). */
const LIVE_URL = '/api/events';

/**
 * Keeps every open page current: when the ledger's head moves, whoever moved it, every cached read is refetched.
 * The browser's EventSource reconnects by itself after a dropped connection.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => subscribe(client), [client]);
}

function subscribe(client: QueryClient): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(LIVE_URL);
  let last: string | null = null;
  source.addEventListener('ledger', (message) => {
    // The first message states the head at connection time: nothing to refetch unless it moved since.
    if (last !== null && message.data !== last) void client.invalidateQueries();
    last = message.data;
  });
  return () => source.close();
}
