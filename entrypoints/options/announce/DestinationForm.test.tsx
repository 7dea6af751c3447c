// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Destination } from '../../../lib/announce/destination';
import { DestinationForm } from './DestinationForm';

const request = vi.fn<(ask: unknown) => Promise<boolean>>();
vi.mock('../../../components/browser-ports', () => ({ permissions: { request: (ask: unknown) => request(ask), contains: async () => true } }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => request.mockReset());
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render() {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const onSave = vi.fn(async (_d: Destination) => {});
  act(() => root!.render(<DestinationForm initial={null} onSave={onSave} onCancel={() => {}} />));
  const byLabel = (text: string) => {
    const label = [...host.querySelectorAll('label')].find((l) => l.textContent === text)!;
    return host.querySelector(`#${CSS.escape(label.htmlFor)}`) as HTMLInputElement & HTMLSelectElement;
  };
  const set = (el: HTMLInputElement | HTMLSelectElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    });
  const save = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Save destination')!;
  const alert = () => host.querySelector('[role="alert"]')?.textContent ?? null;
  return { host, onSave, byLabel, set, save, alert };
}

const settle = () => act(async () => {});

describe('DestinationForm', () => {
  it('refuses a URL of the wrong shape with the sentence, asks the browser nothing, saves nothing', async () => {
    const form = render();
    form.set(form.byLabel('Webhook URL'), 'https://example.com/hook');
    act(() => form.save().click());
    await settle();
    expect(form.alert()).toBe('Paste a Slack incoming-webhook URL (https://hooks.slack.com/services/…).');
    expect(request).not.toHaveBeenCalled();
    expect(form.onSave).not.toHaveBeenCalled();
  });

  it('asks for the one origin and the data consent within the click itself, then saves', async () => {
    request.mockResolvedValue(true);
    const form = render();
    form.set(form.byLabel('Webhook URL'), '  https://hooks.slack.com/services/T0/B0/X  ');
    form.save().click(); // not wrapped in act: the request must already have happened when click() returns
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]![0]).toEqual({
      origins: ['https://hooks.slack.com/*'],
      dataCollection: ['websiteContent', 'personallyIdentifyingInfo', 'browsingActivity'],
    });
    await settle();
    expect(form.onSave).toHaveBeenCalledWith(expect.objectContaining({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/X', topics: ['major'] }));
  });

  it('saves nothing when the browser refuses', async () => {
    request.mockResolvedValue(false);
    const form = render();
    form.set(form.byLabel('Webhook URL'), 'https://hooks.slack.com/services/T0/B0/X');
    act(() => form.save().click());
    await settle();
    expect(form.alert()).toBe('The browser did not allow sending to hooks.slack.com, so the destination was not saved.');
    expect(form.onSave).not.toHaveBeenCalled();
  });

  it('generates a shared secret for a signed JSON webhook, and refuses one that is too short', async () => {
    request.mockResolvedValue(true);
    const form = render();
    form.set(form.byLabel('Service'), 'json');
    expect(form.byLabel('Shared secret').value).toMatch(/^[0-9a-f]{64}$/);
    form.set(form.byLabel('Webhook URL'), 'https://example.com/hook');
    form.set(form.byLabel('Shared secret'), 'short');
    act(() => form.save().click());
    await settle();
    expect(form.alert()).toMatch(/shared secret of at least 16 characters/);
    expect(form.onSave).not.toHaveBeenCalled();
  });
});
