import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Client } from './types';

/** The client businesses (admins and the DPO may list them), for names and pickers. */
export function useClients(): Client[] {
  return useQuery({ queryKey: ['clients'], queryFn: () => api.get<Client[]>('/clients') }).data ?? [];
}
