import type { BrowserContext, LaunchOptions, Worker } from 'playwright-core';

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  url(path: string): string;
  close(): Promise<void>;
}
export function chromiumExecutable(): string;
export function launchWithExtension(
  extensionDir: string,
  options?: Partial<LaunchOptions> & { viewport?: { width: number; height: number }; userDataDir?: string; extraArgs?: string[] },
): Promise<ExtensionSession>;
