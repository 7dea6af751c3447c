import type { Page } from 'puppeteer-core';

// Puppeteer's ARIA selector, spelled once, for what a person acts on (it
// matches the accessible name exactly, as Playwright's getByRole with
// exact: true), and plain DOM polls for waiting on text to appear.

/** An element by role and accessible name, e.g. byRole('button', 'Screenshot'). */
export function byRole(role: string, name?: string): string {
  return name === undefined ? `::-p-aria([role=${JSON.stringify(role)}])` : `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/**
 * Waits for an element matching the CSS `selector` whose text contains (or,
 * with exact, is) `text`; answers its text. A plain DOM poll: in a background
 * tab (the sidebar page, while the person works in the page in front)
 * ARIA queries wait on an accessibility tree Firefox updates lazily there,
 * which cost seconds per step.
 */
export async function waitForText(
  page: Page,
  selector: string,
  text: string,
  { exact = false, timeout = 15_000 }: { exact?: boolean; timeout?: number } = {},
): Promise<string> {
  const handle = await page.waitForFunction(
    (sel: string, t: string, whole: boolean) => {
      for (const el of document.querySelectorAll(sel)) {
        const content = el.textContent ?? '';
        if (whole ? content.trim() === t : content.includes(t)) return content;
      }
      return false;
    },
    { timeout, polling: 100 },
    selector,
    text,
    exact,
  );
  try {
    return (await handle.jsonValue()) as string;
  } finally {
    await handle.dispose();
  }
}

/** Waits for the first element `selector` names and reads `read` of it in the page. */
async function readElement<T>(page: Page, selector: string, read: (el: Element) => T): Promise<T> {
  const handle = await page.waitForSelector(selector);
  if (!handle) throw new Error(`No element ${selector}`);
  try {
    return (await handle.evaluate(read)) as T;
  } finally {
    await handle.dispose();
  }
}

/** The value of the input, textarea or select `selector` names. */
export const inputValue = (page: Page, selector: string): Promise<string> =>
  readElement(page, selector, (el) => (el as HTMLInputElement).value);

/** Whether the radio or checkbox `selector` names is checked. */
export const isChecked = (page: Page, selector: string): Promise<boolean> =>
  readElement(page, selector, (el) => (el as HTMLInputElement).checked);

/** The text of the first element `selector` names, once there. */
export const textOf = (page: Page, selector: string): Promise<string> => readElement(page, selector, (el) => el.textContent ?? '');

/**
 * Waits for an element with an explicit `role` whose text contains (or
 * matches) `text`, and answers its text: status lines and alerts, as
 * Playwright's getByRole(role).filter({ hasText }) does.
 */
export async function roleWithText(page: Page, role: string, text: string | RegExp, timeout = 15_000): Promise<string> {
  const source = text instanceof RegExp ? { re: text.source, flags: text.flags } : { s: text };
  const handle = await page.waitForFunction(
    (r: string, t: { s?: string; re?: string; flags?: string }) => {
      for (const el of document.querySelectorAll(`[role="${r}"]`)) {
        const content = el.textContent ?? '';
        if (t.s !== undefined ? content.includes(t.s) : new RegExp(t.re!, t.flags).test(content)) return content;
      }
      return false;
    },
    { timeout, polling: 100 },
    role,
    source,
  );
  try {
    return (await handle.jsonValue()) as string;
  } finally {
    await handle.dispose();
  }
}

/**
 * Fills the textbox named `name` so React sees it. Puppeteer's fill types a
 * short value key by key but sets one of 100 characters or more directly,
 * which React's onChange never sees (its value tracker swallows the input
 * event), so an anon key would be lost; typing it key by key over BiDi takes
 * seconds. A long value goes in through the element's own value setter and an
 * input event, as Testing Library's fireEvent.change does.
 */
export async function fillIn(page: Page, name: string, value: string, selector = byRole('textbox', name)) {
  if (value.length < 100) return page.locator(selector).fill(value);
  const field = await page.waitForSelector(selector);
  try {
    await field!.evaluate((el, v) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  } finally {
    await field!.dispose();
  }
}
