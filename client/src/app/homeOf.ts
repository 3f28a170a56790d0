import type { Role } from '../api/types.js';
import type { Route } from './router.js';

/** The view a role lands on after logging in. */
export function homeOf(role: Role): Route {
  return role === 'marketing' ? { name: 'monitor' } : { name: 'inbox' };
}

/** Whether a role may open a route (the server checks too; this keeps people off screens that would only say 403). */
export function mayOpen(role: Role, route: Route): boolean {
  switch (route.name) {
    case 'inbox':
    case 'case':
    case 'search':
    case 'metrics':
    case 'rules':
      return role === 'agent' || role === 'admin';
    case 'monitor':
      return role === 'marketing' || role === 'admin';
    case 'people':
    case 'webhooks':
    case 'audit':
      return role === 'admin';
    default:
      return true;
  }
}
