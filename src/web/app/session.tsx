import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../../contracts/auth.ts';
import { api } from './api.ts';

interface SessionValue {
  user: Me | null;
  isLoading: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => (await api<{ user: Me | null }>('/auth/session')).user,
    staleTime: 60_000,
  });
  const value: SessionValue = {
    user: me.data ?? null,
    isLoading: me.isLoading,
    async signIn(username, password) {
      const result = await api<{ user: Me }>('/auth/sign-in', {
        method: 'POST',
        body: { username, password },
      });
      // Another user's cached pages must not show; the session query itself stays subscribed.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(['me'], result.user);
      return result.user;
    },
    async signOut() {
      await api('/auth/sign-out', { method: 'POST' });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(['me'], null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** What each role may open in the web app; the server enforces the same rules. */
export const PAGE_ROLES = {
  workbench: ['admin', 'leader', 'officer', 'organizer', 'service', 'enterprise'],
  projects: ['admin', 'leader', 'officer', 'organizer', 'service', 'enterprise'],
  projectWrite: ['admin', 'officer'],
  organizations: ['admin', 'leader', 'officer', 'organizer', 'service', 'enterprise'],
  organizationWrite: ['admin', 'officer', 'organizer'],
  organizationMerge: ['admin', 'officer'],
  events: ['admin', 'leader', 'officer', 'organizer', 'enterprise'],
  eventWrite: ['admin', 'officer', 'organizer'],
  webhooks: ['admin'],
} as const satisfies Record<string, readonly Me['role'][]>;

export type Page = keyof typeof PAGE_ROLES;

export function canOpen(user: Me | null, page: Page): boolean {
  return Boolean(user && (PAGE_ROLES[page] as readonly string[]).includes(user.role));
}
