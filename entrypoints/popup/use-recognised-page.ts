import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ActiveTab } from '../../lib/browser/active-tab';
import type { PageFacts } from '../../lib/recognise/page-facts';

export interface Recognised {
  title: string;
  sourceUrl: string | null;
  label: string | null;
}

/**
 * Reads the page's metadata (activeTab allows it after the toolbar click) and
 * recognises the tool it belongs to, for a better title and a clean source
 * link. Loaded after the form is up: the boot shell shows the tab's title at
 * once, and this refines it a moment later if the person has not typed.
 * Pages we may not script (chrome://, the Web Store) simply keep the tab title.
 */
export function useRecognisedPage(tab: ActiveTab | null): Recognised | null {
  const [recognised, setRecognised] = useState<Recognised | null>(null);
  useEffect(() => {
    if (tab?.tabId === undefined) return;
    let live = true;
    void (async () => {
      const [{ readPageFacts }, { recognisePage }] = await Promise.all([
        import('../../lib/recognise/page-facts'),
        import('../../lib/recognise/recognise'),
      ]);
      const [first] = await browser.scripting.executeScript({ target: { tabId: tab.tabId! }, func: readPageFacts });
      const result = recognisePage(first?.result as PageFacts); // anything, even undefined: it never throws
      if (live && result.tool) setRecognised({ title: result.title, sourceUrl: result.sourceUrl, label: result.label });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tab?.tabId]);
  return recognised;
}
