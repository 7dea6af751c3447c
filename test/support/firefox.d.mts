import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_ADDON_ID: string;
export function firefoxExecutable(): string;
export function waitForUrl(page: Page, url: string, timeoutMs?: number): Promise<Page>;
export function findPage(browser: Browser, url: string, timeoutMs?: number): Promise<Page>;

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  userDataDir: string;
  url(path: string): string;
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn(backgroundWindow, arg)` in the extension's background page; `fn` is sent as source, so it may not close over anything. */
  background<A, R>(fn: (bg: any, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

export function launchFirefoxWithExtension(
  extensionDir: string,
  options?: { userDataDir?: string; width?: number; height?: number; addonId?: string },
): Promise<FirefoxSession>;
