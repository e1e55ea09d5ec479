import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from './session';
import { adminPages } from './admin/routes';
import { agentPages } from './agent/routes';
import { dpoPages } from './dpo/routes';

/** One page of the portal: its path (under /portal), its label in the navigation, its component. */
export interface PortalPage {
  path: string;
  label: string;
  component: LazyExoticComponent<ComponentType>;
}

/**
 * The pages each role sees, in navigation order; the first is its home. Pages load on first visit,
 * so the first screen carries only the shell. The agent, admin and DPO consoles add theirs here.
 */
export const pagesByRole: Record<Role, PortalPage[]> = {
  client: [
    { path: '/portal/inbox', label: 'Inbox', component: lazy(() => import('./pages/client/InboxPage')) },
    { path: '/portal/recordings', label: 'Recordings', component: lazy(() => import('./pages/client/RecordingsPage')) },
    { path: '/portal/deliveries', label: 'Deliveries', component: lazy(() => import('./pages/client/DeliveriesPage')) },
    { path: '/portal/access-trail', label: 'Access trail', component: lazy(() => import('./pages/client/AccessTrailPage')) },
    { path: '/portal/requests', label: 'Requests', component: lazy(() => import('./pages/client/RequestsPage')) },
  ],
  agent: agentPages,
  supervisor: agentPages,
  admin: adminPages,
  dpo: dpoPages,
};

export const homeOf = (role: Role) => pagesByRole[role][0]?.path ?? '/portal';
