import { lazy } from 'react';
import type { PortalPage } from '../routes';

/** The admin console's pages: no caller content on any of them. */
export const adminPages: PortalPage[] = [
  { path: '/portal/admin/clients', label: 'Clients', component: lazy(() => import('./ClientsPage')) },
  { path: '/portal/admin/users', label: 'Users', component: lazy(() => import('./UsersPage')) },
  { path: '/portal/admin/audit', label: 'Audit trail', component: lazy(() => import('./AuditPage')) },
  { path: '/portal/admin/usage', label: 'Usage', component: lazy(() => import('./UsagePage')) },
  { path: '/portal/admin/registers', label: 'Registers', component: lazy(() => import('./RegistersPage')) },
];
