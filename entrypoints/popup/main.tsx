import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { App } from './App';
import type { PopupBoot } from './popup-boot';

/**
 * Mounts the React popup over the boot shell. The shell's state is read and
 * the first render committed in one task (flushSync), so no keystroke can land
 * between the read and the swap.
 */
export function mount(boot: PopupBoot): void {
  const root = createRoot(document.getElementById('root')!);
  const shell = boot.readShell?.() ?? null;
  flushSync(() =>
    root.render(
      <StrictMode>
        <App boot={boot} shell={shell} />
      </StrictMode>,
    ),
  );
}
