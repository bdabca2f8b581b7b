import { useEffect, useRef, useState } from 'react';
import { InterflowApiError, messageOf, orThrow, type InterflowClient } from './api';
import type { Me } from './me';

/** After a reload the token is known but not its role: ask once; a rejected token signs out. */
export function useWhoAmI(client: InterflowClient | null, me: Me | null, setMe: (me: Me) => void, signOut: () => void): string {
  const [status, setStatus] = useState('Loading…');
  const callbacks = useRef({ setMe, signOut });
  callbacks.current = { setMe, signOut };
  useEffect(() => {
    if (!client || me) return;
    let cancelled = false;
    orThrow(client.GET('/v1/whoami')).then(
      (answer) => !cancelled && callbacks.current.setMe(answer),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof InterflowApiError && error.status === 401) callbacks.current.signOut();
        else setStatus(messageOf(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, me]);
  return status;
}
