import { useEffect, useState } from 'react';
import { readManagedPolicy, watchManagedPolicy, type ManagedPolicy } from '../../lib/settings/managed-settings';

/** The organisation's policy as judged (lib/settings/managed-settings.ts), kept current; undefined until read. */
export function useManagedPolicy(): ManagedPolicy | undefined {
  const [policy, setPolicy] = useState<ManagedPolicy>();
  useEffect(() => {
    let live = true;
    const read = () => void readManagedPolicy().then((p) => live && setPolicy(p));
    read();
    const stop = watchManagedPolicy(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return policy;
}
