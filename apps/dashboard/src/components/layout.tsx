import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLive } from '../live/live-updates';
import { useMe } from '../me';

const SECTIONS = [
  ['/', 'Overview'],
  ['/queues', 'Queues'],
  ['/runs', 'Runs'],
  ['/schedules', 'Schedules'],
  ['/services', 'Services'],
  ['/deployments', 'Deployments'],
  ['/actions', 'Actions'],
  ['/notifications', 'Notifications'],
  ['/recipients', 'Recipients'],
  ['/tokens', 'Tokens'],
] as const;

/** Installation-wide sections a deployment-scoped token cannot read, and the admins' own. */
const UNSCOPED_ONLY: readonly string[] = ['/notifications', '/recipients'];
const INBOX_SECTIONS = [['/', 'Inbox']] as const;

const STATUS_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' } as const;

export function Layout({ onSignOut, children }: { onSignOut(): void; children: ReactNode }) {
  const [location] = useLocation();
  const me = useMe();
  const live = useLive();
  const current = (path: string) => (path === '/' ? location === '/' : location.startsWith(path));
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Interflow</span>
        <span className={`live live-${live.status}`} role="status" aria-live="polite">
          {STATUS_TEXT[live.status]}
        </span>
        <span className="who">
          {me.name} · {me.role}
          {me.inboxOnly ? ' · inbox' : me.unscoped ? '' : ' · scoped'}
        </span>
        <button type="button" className="link-button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <nav className="nav" aria-label="Sections">
        {(me.inboxOnly ? INBOX_SECTIONS : SECTIONS.filter(([path]) => (path !== '/tokens' || me.isAdmin) && (me.unscoped || !UNSCOPED_ONLY.includes(path)))).map(([path, label]) => (
          <Link key={path} href={path} aria-current={current(path) ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
