import type { CarriedOver } from '../../components/DeclareForm';
import type { ActiveTab } from '../../lib/browser/active-tab';
import { TITLE_READY_MARK } from '../../lib/perf/marks';

/** What a person did in the plain-HTML form; a type-only import, so boot stays free of React. */
export type ShellSnapshot = CarriedOver;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Fills the static form (title from the tab, me as lead), shows it and focuses Title. */
export function showShell(displayName: string, tab: ActiveTab | null): () => ShellSnapshot {
  const title = byId<HTMLInputElement>('shell-title');
  const summary = byId<HTMLTextAreaElement>('shell-summary');
  const form = byId<HTMLFormElement>('shell-form');
  byId<HTMLOptionElement>('shell-me').textContent = `Me (${displayName})`;
  title.value = tab?.title ?? '';
  let submitRequested = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitRequested = true; // React submits it the moment it mounts
  });
  summary.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  byId('shell').hidden = false;
  title.focus();
  title.select();
  performance.mark(TITLE_READY_MARK);

  return () => {
    const active = document.activeElement;
    const focused = active === title ? 'title' : active === summary ? 'summary' : null;
    const field = focused === 'title' ? title : focused === 'summary' ? summary : null;
    const severity = form.querySelector<HTMLInputElement>('input[name="shell-severity"]:checked')?.value;
    return {
      title: title.value,
      severity: severity === 'major' ? 'major' : 'minor',
      summary: summary.value,
      focused,
      selection: field ? [field.selectionStart ?? 0, field.selectionEnd ?? 0] : null,
      submitRequested,
    };
  };
}
