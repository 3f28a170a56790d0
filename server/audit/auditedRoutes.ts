/**
 * Every write route a person uses (and the export of a person), and the audit action it records (the
 * audit test walks this table). `target` names the path parameter the change
 * is about. POST /api/messages (integrations' ingest) and the dry runs
 * (rules test and backtest) change nothing a person did and are not here.
 */
export interface AuditedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: RegExp;
  action: string;
  target?: string;
}

export const AUDITED_ROUTES: readonly AuditedRoute[] = [
  { method: 'POST', path: /^\/api\/session$/, action: 'session.login' },
  { method: 'DELETE', path: /^\/api\/session$/, action: 'session.logout' },
  { method: 'PATCH', path: /^\/api\/cases\/([^/]+)$/, action: 'case.update', target: 'case' },
  { method: 'POST', path: /^\/api\/cases\/([^/]+)\/replies$/, action: 'case.reply', target: 'case' },
  { method: 'POST', path: /^\/api\/cases\/([^/]+)\/replies\/[^/]+\/retry$/, action: 'case.reply_retry', target: 'case' },
  { method: 'POST', path: /^\/api\/cases\/([^/]+)\/notes$/, action: 'case.note', target: 'case' },
  { method: 'POST', path: /^\/api\/cases\/([^/]+)\/escalations$/, action: 'case.escalate', target: 'case' },
  { method: 'PUT', path: /^\/api\/rules\/draft$/, action: 'rules.draft' },
  { method: 'POST', path: /^\/api\/rules\/publish$/, action: 'rules.publish' },
  { method: 'POST', path: /^\/api\/rules\/rollback$/, action: 'rules.rollback' },
  { method: 'POST', path: /^\/api\/users$/, action: 'user.create' },
  { method: 'PATCH', path: /^\/api\/users\/([^/]+)$/, action: 'user.update', target: 'user' },
  { method: 'POST', path: /^\/api\/teams$/, action: 'team.create' },
  { method: 'PATCH', path: /^\/api\/teams\/([^/]+)$/, action: 'team.update', target: 'team' },
  { method: 'DELETE', path: /^\/api\/teams\/([^/]+)$/, action: 'team.delete', target: 'team' },
  { method: 'POST', path: /^\/api\/webhooks$/, action: 'webhook.create' },
  { method: 'PATCH', path: /^\/api\/webhooks\/([^/]+)$/, action: 'webhook.update', target: 'webhook' },
  { method: 'DELETE', path: /^\/api\/webhooks\/([^/]+)$/, action: 'webhook.delete', target: 'webhook' },
  { method: 'POST', path: /^\/api\/webhooks\/([^/]+)\/deliveries\/[^/]+\/redeliver$/, action: 'webhook.redeliver', target: 'webhook' },
  { method: 'PUT', path: /^\/api\/me\/availability$/, action: 'availability.update' },
  { method: 'POST', path: /^\/api\/saved-replies$/, action: 'savedReply.create' },
  { method: 'PATCH', path: /^\/api\/saved-replies\/([^/]+)$/, action: 'savedReply.update', target: 'savedReply' },
  { method: 'DELETE', path: /^\/api\/saved-replies\/([^/]+)$/, action: 'savedReply.delete', target: 'savedReply' },
  { method: 'POST', path: /^\/api\/customers\/([^/]+)\/block$/, action: 'customer.block', target: 'customer' },
  { method: 'DELETE', path: /^\/api\/customers\/([^/]+)\/block$/, action: 'customer.unblock', target: 'customer' },
  { method: 'POST', path: /^\/api\/customers\/([^/]+)\/erase$/, action: 'customer.erase', target: 'customer' },
  // A read, but handing out everything about a person is recorded (api.md: exports); the answer itself is not kept.
  { method: 'GET', path: /^\/api\/customers\/([^/]+)\/export$/, action: 'customer.export', target: 'customer' },
];

/** The audited route a request is, with its target id; undefined for reads and unaudited writes. */
export function auditedRouteOf(method: string, path: string): { route: AuditedRoute; targetId?: string } | undefined {
  for (const route of AUDITED_ROUTES) {
    if (route.method !== method) continue;
    const match = route.path.exec(path);
    if (match) return { route, targetId: route.target ? decodeURIComponent(match[1]!) : undefined };
  }
  return undefined;
}
