// What the Firefox team and export specs add to fixtures.ts: Options → Team
// and Records driven with puppeteer, the team backend of the Chromium suite
// (test/e2e/team-backend.ts) serving two Firefox profiles, and downloads
// saved where the test can read them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Standin } from '../support/standin';
import { PASSWORD, twoPeopleOnATeam, type Profiles, type TwoPeople } from '../e2e/team-backend';
import { launchFirefox, type FirefoxSession } from './fixtures';
import { byRole, fillIn } from './pages/queries';

export { fillIn };

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** What a page shows, for a failure message: a timeout alone does not say what went wrong. */
async function shown(page: Page) {
  const text = await page.evaluate(() => document.body.innerText).catch(() => '(unreadable)');
  return text.replace(/\s+/g, ' ').slice(0, 1500);
}

/**
 * Waits until `text` shows, white space collapsed as a person reads it, in the
 * page or inside the element labelled `within`; answers that element's text.
 * A timeout says what the page showed instead.
 */
export async function waitForText(page: Page, text: string, { within, timeout = 15_000 }: { within?: string; timeout?: number } = {}) {
  try {
    const found = await page.waitForFunction(
      (t: string, w: string | null) => {
        const roots = w ? [...document.querySelectorAll(`[aria-label="${w}"]`)] : [document.body];
        return roots.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')).find((s) => s.includes(t)) ?? false;
      },
      { polling: 100, timeout },
      text,
      within ?? null,
    );
    return (await found.jsonValue()) as string;
  } catch (error) {
    throw new Error(`No "${text}"${within ? ` in ${within}` : ''} after ${timeout} ms (${(error as Error).message}); the page showed: ${await shown(page)}`);
  }
}

/** Options → Team and → Records and export in Firefox, driven as a person does (the puppeteer twin of test/e2e/pages/options.page.ts and records.page.ts). */
export class FirefoxOptionsPage {
  constructor(readonly page: Page) {}

  button = (name: string) => this.page.locator(byRole('button', name));

  async saveName(name: string) {
    await fillIn(this.page, 'Your name', name);
    await this.button('Save name').click();
    await this.page.waitForSelector(byRole('heading', 'Your profile'));
  }

  async connect(url: string, anonKey: string) {
    await fillIn(this.page, 'Project URL', url);
    await fillIn(this.page, 'Publishable or anon key', anonKey);
    await this.button('Connect').click();
    await this.settled('Connected to');
  }

  async signIn(email: string, password: string) {
    await fillIn(this.page, 'Email', email);
    // A password field has no textbox role in Firefox's accessibility tree.
    await fillIn(this.page, 'Password', password, 'input[type="password"]');
    await this.button('Sign in').click();
    await this.settled(`Signed in as ${email}`);
  }

  /** Waits for `text`; if the page shows an error instead, fails with its sentence (not a bare timeout). */
  private async settled(text: string) {
    const seen = await this.page
      .waitForFunction(
        (t: string) => (document.body.innerText.replace(/\s+/g, ' ').includes(t) ? 'done' : document.querySelector('[role="alert"]')?.textContent || false),
        { polling: 100, timeout: 15_000 },
        text,
      )
      .then((h) => h.jsonValue() as Promise<string>)
      .catch(async (error: Error) => {
        throw new Error(`No "${text}" (${error.message}); the page showed: ${await shown(this.page)}`);
      });
    if (seen !== 'done') throw new Error(`The options page said: ${seen}`);
  }

  async createTeam(name: string): Promise<string> {
    await fillIn(this.page, 'Team name', name);
    await this.button('Create team').click();
    return this.inviteCode();
  }

  /** The code to hand out (the newest live one). */
  async inviteCode(): Promise<string> {
    const code = await this.page.waitForFunction(() => document.querySelector('code[aria-label="Invite code"]')?.textContent?.trim() || false, { polling: 100 });
    return (await code.jsonValue()) as string;
  }

  async joinTeam(code: string) {
    await fillIn(this.page, 'Invite code', code);
    await this.button('Join team').click();
    await this.page.waitForSelector(byRole('list', 'Team members'));
  }

  /** Runs `fn` on the "Records and export" section. */
  async records<R>(fn: (section: HTMLElement) => R): Promise<R> {
    const section = await this.page.waitForSelector(byRole('region', 'Records and export'));
    try {
      return (await section!.evaluate(fn as (el: Element) => R)) as R;
    } finally {
      await section!.dispose();
    }
  }

  /** Clicks a Records and export download button; answers the file Firefox saved into `folder` (saveDownloadsTo). */
  async download(button: 'Download incident register (CSV)' | 'Download full export (JSON)' | 'Download evidence pack', folder: string) {
    const before = new Set(readdirSync(folder));
    await this.button(button).click();
    return savedFile(folder, before);
  }

  /** Chooses a file holding `bytes` in "Import an export file" (written to disk first: BiDi's input.setFiles takes paths). */
  async importFile(name: string, bytes: Buffer) {
    const folder = mkdtempSync(join(tmpdir(), 'incident-import-'));
    try {
      const path = join(folder, name);
      writeFileSync(path, bytes);
      // By its label; a file input has no role puppeteer's ARIA selector can name.
      const found = await this.page.waitForFunction(
        () => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Import an export file')?.control ?? false,
        { polling: 100 },
      );
      const input = found as unknown as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      // A File reads its path lazily: the file may only go once the page has read it and
      // cleared the input for the next choice (ExportImport.tsx), whether it imported or refused.
      await input.evaluate((el) => new Promise<void>((ok) => {
        const done = () => ((el as HTMLInputElement).value === '' ? ok() : setTimeout(done, 50));
        done();
      }));
      await input.dispose();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}

/**
 * The file that appeared in `folder` since `before`, once Firefox finished
 * writing it: until then a `.part` file sits beside it.
 */
async function savedFile(folder: string, before: Set<string>, timeoutMs = 15_000): Promise<{ name: string; bytes: Buffer }> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const names = readdirSync(folder).filter((n) => !before.has(n));
    const done = names.find((n) => !n.endsWith('.part'));
    if (done && !names.some((n) => n.endsWith('.part'))) {
      const size = statSync(join(folder, done)).size;
      if (size > 0 && `${done}:${size}` === last) return { name: done, bytes: readFileSync(join(folder, done)) };
      last = `${done}:${size}`;
    }
    if (Date.now() > deadline) throw new Error(`No download finished in ${folder} (saw ${names.join(', ') || 'nothing'})`);
    await sleep(100);
  }
}

/**
 * Saves this Firefox's downloads into a fresh folder, without a dialog, and
 * answers it: WebDriver BiDi's browser.setDownloadBehavior, which Firefox 153
 * supports and puppeteer-core 25 exposes only for new browser contexts (the
 * extension's pages live in the default one).
 * https://w3c.github.io/webdriver-bidi/#command-browser-setDownloadBehavior
 */
export async function saveDownloadsTo(session: FirefoxSession): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'incident-downloads-'));
  // The BiDi connection is not in puppeteer's public types; it is there on a BiDi browser.
  const { connection } = session.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
  // Without userContexts: every context, the default one included.
  await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: folder } });
  return folder;
}

/** Makes an account for `email`, then names, connects and signs in from this profile's options page, as a person would. */
export async function connectFirefoxAs(standin: Standin, session: FirefoxSession, name: string, email: string): Promise<FirefoxOptionsPage> {
  await standin.createUser(email, PASSWORD);
  const options = new FirefoxOptionsPage(await session.openExtensionPage('options.html'));
  await options.saveName(name);
  await options.connect(standin.url, standin.anonKey);
  await options.signIn(email, PASSWORD);
  return options;
}

const firefoxProfiles: Profiles<FirefoxSession, FirefoxOptionsPage> = { launch: () => launchFirefox(), connect: connectFirefoxAs };

/** Two Firefox profiles (two Firefox processes) on one team through the Supabase stand-in, for one spec file. */
export function twoFirefoxPeopleOnATeam(): TwoPeople<FirefoxSession, FirefoxOptionsPage> {
  return twoPeopleOnATeam(firefoxProfiles);
}
