import type { Page } from 'puppeteer-core';
import { waitForText } from '../team-fixture';

/**
 * The side panel's follow-ups with their tracker controls, and Options →
 * Trackers, in Firefox: the puppeteer twin of test/e2e/pages/trackers.page.ts.
 * Forms are filled and clicked in the page itself, as the sidebar page object
 * does (a sidebar window behind another gets no animation frames, which
 * puppeteer's locators wait for).
 */

/** Types `value` into the input labelled `label` (inside the element labelled `within`, if given) and clicks the button named `button` there. */
async function fillAndClick(page: Page, fields: [label: string, value: string][], button: string, within?: string) {
  await page.evaluate(
    async (f: [string, string][], b: string, w: string | null) => {
      const root = w ? [...document.querySelectorAll('li')].find((li) => li.querySelector('.text')?.textContent === w)! : document.body;
      for (const [label, value] of f) {
        const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim() === label)!;
        const input = l.control as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await new Promise((ok) => setTimeout(ok, 0));
      [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === b)!.click();
    },
    fields,
    button,
    within ?? null,
  );
}

export const saveTrackers = (options: Page, fields: [string, string][]) => fillAndClick(options, fields, 'Save trackers');

export async function addFollowUp(panel: Page, text: string) {
  await fillAndClick(panel, [['New follow-up', text]], 'Add follow-up');
  await waitForText(panel, text, { within: 'Follow-ups' });
}

export const linkIssue = (panel: Page, followUp: string, url: string) =>
  fillAndClick(panel, [['Issue link', url]], 'Link issue', followUp);

/** The follow-up's links (name and href) and its alert, as shown. */
export function followUpRow(panel: Page, followUp: string): Promise<{ links: [string, string][]; alert: string | null }> {
  return panel.evaluate((w: string) => {
    const li = [...document.querySelectorAll('li')].find((x) => x.querySelector('.text')?.textContent === w);
    return {
      links: li ? [...li.querySelectorAll('a')].map((a) => [a.textContent ?? '', a.getAttribute('href') ?? ''] as [string, string]) : [],
      alert: li?.querySelector('[role="alert"]')?.textContent ?? null,
    };
  }, followUp);
}

/** Clicks the follow-up's link named `name` (Create GitHub issue…) in the page. */
export const clickFollowUpLink = (panel: Page, followUp: string, name: string) =>
  panel.evaluate(
    (w: string, n: string) =>
      [...[...document.querySelectorAll('li')].find((x) => x.querySelector('.text')?.textContent === w)!.querySelectorAll('a')]
        .find((a) => a.textContent === n)!
        .click(),
    followUp,
    name,
  );
