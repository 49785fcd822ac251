'use client';
/**
 * The moderation queue's note of the last decision. A decided comment leaves the list when it refreshes,
 * so its note cannot live inside it: it is announced above the list and stays until the next decision.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { LiveAnnouncement } from '@/components/ui/live-announcement';

const AnnounceDecision = createContext<(message: string) => void>(() => {});

export function useAnnounceDecision() {
  return useContext(AnnounceDecision);
}

export function QueueDecisions({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  return (
    <AnnounceDecision.Provider value={setMessage}>
      <LiveAnnouncement announcement={{ message, ok: true }} />
      {children}
    </AnnounceDecision.Provider>
  );
}
