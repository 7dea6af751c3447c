import type { Page } from 'puppeteer-core';

// Puppeteer's ARIA and text selectors, spelled once. `::-p-aria` matches the
// accessible name exactly (as Playwright's getByRole with exact: true);
// `::-p-text` matches elements whose text contains the string.

/** An element by role and accessible name, e.g. byRole('button', 'Screenshot'). */
export function byRole(role: string, name?: string): string {
  return name === undefined ? `::-p-aria([role=${JSON.stringify(role)}])` : `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/** An element containing `text`, optionally inside `within` (another selector). */
export function byText(text: string, within?: string): string {
  const selector = `::-p-text(${JSON.stringify(text)})`;
  return within ? `${within} ${selector}` : selector;
}

/** The value of the input, textarea or select `selector` names. */
export async function inputValue(page: Page, selector: string): Promise<string> {
  const handle = await page.waitForSelector(selector);
  if (!handle) throw new Error(`No element ${selector}`);
  try {
    return await handle.evaluate((el) => (el as HTMLInputElement).value);
  } finally {
    await handle.dispose();
  }
}

/** Whether the radio or checkbox `selector` names is checked. */
export async function isChecked(page: Page, selector: string): Promise<boolean> {
  const handle = await page.waitForSelector(selector);
  if (!handle) throw new Error(`No element ${selector}`);
  try {
    return await handle.evaluate((el) => (el as HTMLInputElement).checked);
  } finally {
    await handle.dispose();
  }
}

/** The text of the first element `selector` names, once there. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await page.waitForSelector(selector);
  if (!handle) throw new Error(`No element ${selector}`);
  try {
    return await handle.evaluate((el) => el.textContent ?? '');
  } finally {
    await handle.dispose();
  }
}

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
