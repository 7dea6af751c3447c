import { useEffect } from 'react';
import { extensionPort } from './extension-port';
import { sendMessage } from '../lib/messaging/send';

const PERIOD_MS = 15_000;

/**
 * While a team view is open and visible, ask the background to sync every
 * 15 s. Realtime normally pokes sooner; this keeps an open side panel fresh
 * when the socket is down (and the one-minute alarm is too slow to watch).
 */
export function useTeamPolling(teamId: string | null): void {
  useEffect(() => {
    if (!teamId) return;
    const poke = () => {
      if (document.visibilityState === 'visible') void sendMessage(extensionPort, { type: 'syncNow' }).catch(() => undefined);
    };
    poke();
    const timer = setInterval(poke, PERIOD_MS);
    document.addEventListener('visibilitychange', poke);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poke);
    };
  }, [teamId]);
}
