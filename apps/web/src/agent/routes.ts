import { lazy } from 'react';
import type { PortalPage } from '../routes';

/** The agent console's pages (supervisors have the same desk). */
export const agentPages: PortalPage[] = [
  { path: '/portal/agent', label: 'Log a call', component: lazy(() => import('./AgentDeskPage')) },
  { path: '/portal/agent/recent', label: 'My recent work', component: lazy(() => import('./RecentWorkPage')) },
];
