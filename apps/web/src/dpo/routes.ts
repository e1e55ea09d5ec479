import { lazy } from 'react';
import type { PortalPage } from '../routes';

/** The DPO console's pages. */
export const dpoPages: PortalPage[] = [
  { path: '/portal/dpo/requests', label: 'Requests', component: lazy(() => import('./DsrPage')) },
  { path: '/portal/dpo/break-glass', label: 'Break-glass', component: lazy(() => import('./BreakGlassPage')) },
  { path: '/portal/dpo/breaches', label: 'Breaches', component: lazy(() => import('./BreachesPage')) },
  { path: '/portal/dpo/sub-processors', label: 'Sub-processors', component: lazy(() => import('./SubProcessorsPage')) },
];
