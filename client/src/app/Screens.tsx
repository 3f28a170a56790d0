import { lazy, Suspense, useEffect } from 'react';
import { InboxView } from '../inbox/InboxView.js';
import { MonitorView } from '../monitor/MonitorView.js';
import { SearchView } from '../search/SearchView.js';
import { Loading } from '../ui/States.js';
import { useSession } from '../session/SessionContext.js';
import { AppShell } from './AppShell.js';
import { homeOf, mayOpen } from './homeOf.js';
import { Link } from './Link.js';
import { useRoute } from './router.js';

// The charts library is large: load it only when someone opens the metrics.
const MetricsView = lazy(() => import('../metrics/MetricsView.js').then((module) => ({ default: module.MetricsView })));
// The rules editor (drag and drop) is for admins: load it when opened.
const RulesView = lazy(() => import('../rules/RulesView.js').then((module) => ({ default: module.RulesView })));
// Users and teams are for admins: load the screen when opened.
const PeopleView = lazy(() => import('../people/PeopleView.js').then((module) => ({ default: module.PeopleView })));
// Webhooks and the audit log are for admins: load them when opened.
const WebhooksView = lazy(() => import('../governance/WebhooksView.js').then((module) => ({ default: module.WebhooksView })));
const AuditView = lazy(() => import('../governance/AuditView.js').then((module) => ({ default: module.AuditView })));
// X's own text counting (twitter-text), for the reply box, is large too: load it with the first case opened.
const CaseView = lazy(() => import('../inbox/case/CaseView.js').then((module) => ({ default: module.CaseView })));

/** The logged-in screens; the home path and screens the role may not open lead to the role's own view. */
export function Screens() {
  const { session } = useSession();
  const [route, go] = useRoute();
  const home = homeOf(session.user.role);
  const misplaced = route.name === 'home' || !mayOpen(session.user.role, route);

  useEffect(() => {
    if (misplaced) go(home, { replace: true });
  }, [misplaced, go, home]);

  return (
    <AppShell route={route}>
      {route.name === 'inbox' && !misplaced && <InboxView />}
      {route.name === 'case' && !misplaced && <Suspense fallback={<Loading label="Loading the case" />}><CaseView key={route.id} id={route.id} /></Suspense>}
      {route.name === 'search' && !misplaced && <SearchView />}
      {route.name === 'monitor' && !misplaced && <MonitorView />}
      {route.name === 'rules' && !misplaced && <Suspense fallback={<Loading label="Loading the rules" />}><RulesView /></Suspense>}
      {route.name === 'metrics' && !misplaced && <Suspense fallback={<Loading label="Loading metrics" />}><MetricsView /></Suspense>}
      {route.name === 'people' && !misplaced && <Suspense fallback={<Loading label="Loading people" />}><PeopleView /></Suspense>}
      {route.name === 'webhooks' && !misplaced && <Suspense fallback={<Loading label="Loading webhooks" />}><WebhooksView /></Suspense>}
      {route.name === 'audit' && !misplaced && <Suspense fallback={<Loading label="Loading the audit log" />}><AuditView /></Suspense>}
      {route.name === 'notFound' && (
        <section className="not-found">
          <h1>Page not found</h1>
          <p>Nothing lives at <code>{route.path}</code>. <Link href="/">Go to your start page</Link>.</p>
        </section>
      )}
    </AppShell>
  );
}
