import { useEffect, useState } from 'react';

/**
 * Prints once every image is in: window.print() lays out what is loaded at
 * that moment, so an image still decoding would print as an empty box. Clicked
 * early, it waits for `ready` and then prints.
 */
export function PrintButton({ ready }: { ready: boolean }) {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!waiting || !ready) return;
    setWaiting(false);
    window.print();
  }, [waiting, ready]);
  return (
    <button type="button" className="primary" onClick={() => (ready ? window.print() : setWaiting(true))} aria-busy={waiting}>
      {waiting ? 'Loading images, then printing…' : 'Print / Save as PDF'}
    </button>
  );
}
