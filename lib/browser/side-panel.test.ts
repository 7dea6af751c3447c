import { describe, expect, it } from 'vitest';
import { chromeSidePanel, firefoxSidebar, openSidePanelThen, type SidePanelPort } from './side-panel';

describe('side panel port', () => {
  it('opens Chrome’s side panel in the given window', async () => {
    const asked: unknown[] = [];
    await chromeSidePanel({ sidePanel: { open: async (o) => void asked.push(o) } }).open(7);
    expect(asked).toEqual([{ windowId: 7 }]);
  });

  it('refuses in Chrome when there is no window to open it in', async () => {
    await expect(chromeSidePanel({ sidePanel: { open: async () => undefined } }).open(undefined)).rejects.toThrow(/No window/);
  });

  it('opens Firefox’s sidebar, which needs no window', async () => {
    let opened = 0;
    await firefoxSidebar({ sidebarAction: { open: async () => void opened++ } }).open(undefined);
    expect(opened).toBe(1);
  });
});

describe('openSidePanelThen', () => {
  it('calls open synchronously, before anything awaits (the user gesture is still live)', async () => {
    const order: string[] = [];
    const port: SidePanelPort = { open: async () => void order.push('open') };
    const done = openSidePanelThen(port, 1, async () => void order.push('meanwhile'));
    // Nothing has been awaited yet: open must already have been called.
    expect(order).toEqual(['open', 'meanwhile']);
    await done;
  });

  it('rejects when the browser refuses to open the panel, after the other work is done', async () => {
    let ran = false;
    const port: SidePanelPort = { open: () => Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')) };
    await expect(openSidePanelThen(port, 1, async () => void (ran = true))).rejects.toThrow(/user input/);
    expect(ran).toBe(true);
  });

  it('rejects when open throws synchronously', async () => {
    const port: SidePanelPort = {
      open: () => {
        throw new Error('sidePanel is undefined');
      },
    };
    await expect(openSidePanelThen(port, 1, async () => undefined)).rejects.toThrow(/undefined/);
  });
});
