import type { ReactNode } from 'react';
import type { Role } from '../api/types.js';
import { ReplyIssueToasts } from '../inbox/ReplyIssueToasts.js';
import { ConnectionBanner } from '../live/ConnectionBanner.js';
import { NewCaseAlertsProvider } from '../notify/NewCaseAlerts.js';
import { MentionToasts } from '../notify/MentionToasts.js';
import { useSession } from '../session/SessionContext.js';
import { AvailabilitySwitch } from './AvailabilitySwitch.js';
import { Link } from './Link.js';
import type { Route } from './router.js';

interface NavItem {
  label: string;
  href: string;
  active(route: Route): boolean;
  roles: Role[];
}

const NAV: NavItem[] = [
  { label: 'Inbox', href: '/inbox', active: (r) => r.name === 'inbox' || r.name === 'case', roles: ['agent', 'admin'] },
  { label: 'Search', href: '/search', active: (r) => r.name === 'search', roles: ['agent', 'admin'] },
  { label: 'Rules', href: '/rules', active: (r) => r.name === 'rules', roles: ['admin', 'agent'] },
  { label: 'Monitor', href: '/monitor', active: (r) => r.name === 'monitor', roles: ['marketing', 'admin'] },
  { label: 'Metrics', href: '/metrics', active: (r) => r.name === 'metrics', roles: ['agent', 'admin'] },
  { label: 'People', href: '/people', active: (r) => r.name === 'people', roles: ['admin'] },
  { label: 'Webhooks', href: '/webhooks', active: (r) => r.name === 'webhooks', roles: ['admin'] },
  { label: 'Audit', href: '/audit', active: (r) => r.name === 'audit', roles: ['admin'] },
];

/** The frame of every logged-in screen: skip link, navigation for the user's role, who is logged in, log out. */
export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { session, logOut } = useSession();
  const items = NAV.filter((item) => item.roles.includes(session.user.role));
  const agentLike = session.user.role !== 'marketing';
  const frame = (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <span className="app-name">Care inbox</span>
        <nav aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.active(route) ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        {session.user.role !== 'marketing' && <AvailabilitySwitch />}
        <span className="who">
          <span className="who-name">{session.user.username}</span> <span className="who-role">({session.user.role})</span>
        </span>
        <button type="button" className="secondary" onClick={() => void logOut()}>Log out</button>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>{children}</main>
      {agentLike && <ReplyIssueToasts />}
      {agentLike && <MentionToasts />}
    </>
  );
  return agentLike ? <NewCaseAlertsProvider watching={route.name === 'inbox'}>{frame}</NewCaseAlertsProvider> : frame;
}
