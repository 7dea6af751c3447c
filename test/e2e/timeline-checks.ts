import type { EvaluatesInPage } from './fixtures';

// Checks of the side panel's windowed timeline shared by the Chromium and
// Firefox suites: where an entry is on screen, and what has focus.

/** Whether the timeline entry containing `text` is drawn and wholly inside the viewport (1 px of rounding allowed). */
export function entryOnScreen(page: EvaluatesInPage, text: string): Promise<boolean> {
  return page.evaluate((t: string) => {
    const row = [...document.querySelectorAll('ol[aria-label="Timeline"] > li')].find((li) => li.textContent?.includes(t));
    if (!row) return false;
    const r = row.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= window.innerHeight + 1;
  }, text);
}

/** The text of the focused element, when it is a timeline entry. */
export function focusedEntryText(page: EvaluatesInPage): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('ol[aria-label="Timeline"] > li') ? (el.textContent ?? '') : null;
  }, null);
}

/** How far the page is scrolled (px). */
export function scrollTop(page: EvaluatesInPage): Promise<number> {
  return page.evaluate(() => window.scrollY, null);
}

/** Whether the page is scrolled to its end (the windowed timeline grows as rows are measured, so callers poll). */
export function atPageEnd(page: EvaluatesInPage): Promise<boolean> {
  return page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2, null);
}
