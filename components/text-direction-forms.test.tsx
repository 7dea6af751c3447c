// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BIDI_NAME_MESSAGE, BIDI_TITLE_MESSAGE } from '../lib/model/text-direction';
import { loadProfile } from '../lib/profile/profile';
import { makeContext } from '../test/support/domain';
import { DeclareForm } from './DeclareForm';
import { NameForm } from './ProfileGate';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(node: React.ReactNode) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('forms refuse text-direction control characters, saying so', () => {
  it('DeclareForm shows the sentence beside the title and writes nothing', async () => {
    const ctx = makeContext();
    const onDeclared = vi.fn();
    const host = mount(<DeclareForm ctx={ctx} initialTitle={'Refund \u202eexe.fdp'} onDeclared={onDeclared} />);
    act(() => host.querySelector('form')!.requestSubmit());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toBe(BIDI_TITLE_MESSAGE));
    expect(host.querySelector('input[type="text"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(onDeclared).not.toHaveBeenCalled();
    expect(await ctx.db.events.count()).toBe(0);
  });

  it('the name form shows the sentence and saves nothing', async () => {
    const onSaved = vi.fn();
    const host = mount(<NameForm onSaved={onSaved} />);
    type(host.querySelector('input')!, 'Sam \u2067Smith\u2069');
    act(() => host.querySelector('form')!.requestSubmit());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toBe(BIDI_NAME_MESSAGE));
    expect(host.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await loadProfile()).toBeNull();
  });
});
