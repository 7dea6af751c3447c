import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { captureRendered, captureVisible, whyNotCapturableIn } from '../../lib/capture/capture-service';
import { insideViewport } from '../../lib/capture/mask-geometry';
import { incidentForPage } from '../../lib/incidents/target';
import type { MessageOf, MessageSender } from '../../lib/messaging/protocol';
import { captureDeps } from './capture-deps';
import { backgroundDomain } from './domain';
import { handle } from './router';
import { describePage } from './describe-page';
import { flashBadge } from './set-up-badge';

export const CAPTURE_COMMAND = 'capture-screenshot';

/** The picker waiting for a click, kept in session storage: the worker may sleep meanwhile. */
const pendingPick = storage.defineItem<{ tabId: number; incidentId: string } | null>('session:pendingPick', {
  fallback: null,
});

export async function captureTab(incidentId: string, tabId: number) {
  return captureVisible(captureDeps, await backgroundDomain(), { incidentId, tabId });
}

export async function startPicker(incidentId: string, tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  const reason = await whyNotCapturableIn(captureDeps, tab.url);
  if (reason) throw new Error(reason);
  await pendingPick.setValue({ tabId, incidentId });
  await captureDeps.page.startPicker(tabId);
}

async function onElementPicked(message: MessageOf<'elementPicked'>, sender: MessageSender) {
  const pending = await pendingPick.getValue();
  const tabId = sender.tab?.id;
  if (!pending || tabId === undefined || pending.tabId !== tabId) throw new Error('No element capture was started in this tab.');
  await pendingPick.setValue(null);
  try {
    const ctx = await backgroundDomain();
    // In view: crop a real capture (fast, exactly what the person sees).
    // Beyond it: render the element from the DOM.
    const result = insideViewport(message.rect, message.viewport)
      ? await captureVisible(captureDeps, ctx, { incidentId: pending.incidentId, tabId, element: message })
      : await captureRendered(captureDeps, ctx, { incidentId: pending.incidentId, tabId, target: 'picked' });
    await flashBadge(true, 'Element added to the incident timeline');
    return result;
  } catch (error) {
    await flashBadge(false, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/**
 * Alt+Shift+S: screenshot into my current incident without opening anything;
 * with none, declare a Minor one titled from the page first. The badge flashes
 * ✓ (or ! with the reason in the tooltip).
 */
export async function onCaptureCommand(tab: { id?: number; url?: string; title?: string } | undefined) {
  try {
    if (tab?.id === undefined) throw new Error('There is no tab to capture.');
    const reason = await whyNotCapturableIn(captureDeps, tab.url);
    if (reason) throw new Error(reason); // before declaring: no empty incident for a page we cannot capture
    const ctx = await backgroundDomain();
    const { incidentId, declared } = await incidentForPage(ctx, await describePage(tab));
    const result = await captureVisible(captureDeps, ctx, { incidentId, tabId: tab.id });
    await flashBadge(true, declared ? 'Declared a Minor incident and added the screenshot' : 'Screenshot added to your incident');
    return { ...result, incidentId };
  } catch (error) {
    await flashBadge(false, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

export function setUpCapture(): void {
  handle('captureScreenshot', (m) => captureTab(m.incidentId, m.tabId));
  handle('capturePage', async (m) =>
    captureRendered(captureDeps, await backgroundDomain(), { incidentId: m.incidentId, tabId: m.tabId, target: 'page' }),
  );
  handle('startElementPicker', (m) => startPicker(m.incidentId, m.tabId));
  handle('elementPicked', onElementPicked);
  handle('pickCancelled', async () => {
    await pendingPick.setValue(null);
    await flashBadge(false, 'Element capture cancelled');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) void onCaptureCommand(tab).catch(() => undefined); // shown on the badge
  });
}
