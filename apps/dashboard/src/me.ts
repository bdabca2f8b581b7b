import { createContext, useContext } from 'react';

export interface Me {
  name: string;
  role: 'viewer' | 'operator' | 'admin';
  deployment_scopes: string[] | null;
  /** The recipient a token is bound to: it reaches that inbox and nothing else. */
  recipient?: { id: string; name: string } | null;
}

export const MeContext = createContext<Me | null>(null);

/** Who is signed in, and what the dashboard offers them (the api enforces it anyway). */
export function useMe(): Me & { canWrite: boolean; isAdmin: boolean; unscoped: boolean; inboxOnly: boolean } {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in session');
  return { ...me, canWrite: me.role !== 'viewer', isAdmin: me.role === 'admin', unscoped: me.deployment_scopes === null, inboxOnly: Boolean(me.recipient) };
}
