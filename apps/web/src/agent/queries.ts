import { useQuery } from '@tanstack/react-query';
import { api } from '../consoles/api';
import type { AgentLimits } from '../consoles/types';

export const useAgentLimits = () => useQuery({ queryKey: ['agent', 'limits'], queryFn: () => api.get<AgentLimits>('/agent/limits'), staleTime: Infinity });
