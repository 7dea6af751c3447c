// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeContext } from '../test/support/domain';
import { DeclareForm } from './DeclareForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

/** The popup's first run: no actor yet, so the form asks for my name above the title. */
function renderFirstRun(initialTitle = 'Checkout 500s') {
  const ctx = { ...makeContext(), actor: null };
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const onDeclared = vi.fn();
  act(() => root!.render(<DeclareForm ctx={ctx} initialTitle={initialTitle} onDeclared={onDeclared} />));
  const field = (label: string) =>
    host.querySelector<HTMLInputElement>(`#${CSS.escape([...host.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor)}`)!;
  return { ctx, host, onDeclared, name: field('Your name'), title: field('Title') };
}

function type(input: HTMLInputElement, value: string) {
  // React tracks the value it last set; go around it so the change event counts.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}
const submit = (host: HTMLElement) => act(() => void host.querySelector('form')!.requestSubmit());
const storedProfile = async () => (await fakeBrowser.storage.local.get('profile')).profile ?? null;

describe('DeclareForm on first run', () => {
  it('puts "Your name" above the title, focused, and offers me as lead', () => {
    const { host, name, title } = renderFirstRun();
    const labels = [...host.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels.indexOf('Your name')).toBeLessThan(labels.indexOf('Title'));
    expect(document.activeElement).toBe(name);
    expect(title.value).toBe('Checkout 500s');
    type(name, 'Sophie');
    expect(host.querySelector('select')!.selectedOptions[0]!.textContent).toBe('Me (Sophie)');
  });

  it('declaring saves the name and the incident together, led by me', async () => {
    const { ctx, host, onDeclared, name } = renderFirstRun();
    type(name, 'Sophie');
    submit(host);
    await vi.waitFor(() => expect(onDeclared).toHaveBeenCalledTimes(1));
    const [incident, profile] = onDeclared.mock.calls[0]!;
    expect(profile).toMatchObject({ displayName: 'Sophie' });
    expect(await storedProfile()).toEqual(profile);
    expect(incident).toMatchObject({ title: 'Checkout 500s', leadId: profile.userId, leadName: 'Sophie' });
    expect(await ctx.db.incidents.count()).toBe(1);
  });

  it('a missing name shows beside the name field, focused there, and stores nothing', async () => {
    const { ctx, host, onDeclared, name } = renderFirstRun();
    submit(host);
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/Enter a name/));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(onDeclared).not.toHaveBeenCalled();
    expect(await storedProfile()).toBeNull();
    expect(await ctx.db.events.count()).toBe(0);
  });

  it('a bad title shows beside the title and stores neither the name nor the incident', async () => {
    const { ctx, host, onDeclared, name, title } = renderFirstRun('   ');
    type(name, 'Sophie');
    submit(host);
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toBe('Give the incident a title.'));
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(onDeclared).not.toHaveBeenCalled();
    expect(await storedProfile()).toBeNull();
    expect(await ctx.db.events.count()).toBe(0);
  });
});
