import { browser } from 'wxt/browser';
import { readPageFacts, type PageFacts } from '../../lib/recognise/page-facts';
import { recognisePage } from '../../lib/recognise/recognise';

/**
 * The page as an incident would be titled from it: a recognised tool's title
 * and clean link (Sentry, Grafana, GitHub…), else the tab's own title. The
 * gesture that brought us here (command, menu) granted activeTab; a page we
 * may not script keeps the tab's title.
 */
export async function describePage(tab: { id?: number; title?: string; url?: string }): Promise<{ title?: string; url?: string }> {
  if (tab.id === undefined) return tab;
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readPageFacts });
    const recognised = recognisePage(first?.result as PageFacts);
    return { title: recognised.title, url: recognised.sourceUrl ?? tab.url };
  } catch {
    return tab;
  }
}
