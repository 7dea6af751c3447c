/**
 * Opening the extension's side panel, which the browsers spell differently:
 * Chrome's `sidePanel.open({ windowId })`
 * (https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open)
 * and Firefox's `sidebarAction.open()`, which opens it in the active window
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open).
 * Both refuse unless called while the click's user gesture is still live, that
 * is, before the handler's first `await`; `openSidePanelThen` enforces that order.
 */
export interface SidePanelPort {
  /** Starts opening the panel for `windowId` (the person's normal window). Call before any await. */
  open(windowId: number | undefined): Promise<void>;
}

export interface ChromeSidePanelApi {
  sidePanel: { open(options: { windowId: number }): Promise<void> };
}

export interface FirefoxSidebarApi {
  sidebarAction: { open(): Promise<void> };
}

export function chromeSidePanel(api: ChromeSidePanelApi): SidePanelPort {
  return {
    open: (windowId) => (windowId === undefined ? Promise.reject(new Error('No window to open the side panel in')) : api.sidePanel.open({ windowId })),
  };
}

export function firefoxSidebar(api: FirefoxSidebarApi): SidePanelPort {
  return { open: () => api.sidebarAction.open() };
}

/**
 * Opens the panel first, synchronously, then runs `meanwhile` (e.g. telling the
 * panel which incident to show: it follows that setting live, so order does not
 * matter to it) and settles once both have. Rejects if the panel did not open.
 */
export async function openSidePanelThen(port: SidePanelPort, windowId: number | undefined, meanwhile: () => Promise<unknown>): Promise<void> {
  let opening: Promise<void>;
  try {
    opening = port.open(windowId);
  } catch (error) {
    opening = Promise.reject(error);
  }
  // Attach a handler now so an early refusal is not reported as unhandled while `meanwhile` runs.
  opening.catch(() => undefined);
  await meanwhile();
  await opening;
}
