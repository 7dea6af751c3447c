// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../lib/incidents/errors';

const calls: string[] = [];
const ask = vi.fn();
const consent = vi.fn();
vi.mock('./ask', () => ({ ask: (message: { type: string }) => ask(message) }));
vi.mock('./team-consent', () => ({ requireTeamConsent: () => consent() }));

const { OAuthButtons } = await import('./OAuthButtons');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
let root: Root | undefined;

beforeEach(() => {
  calls.length = 0;
  consent.mockReset().mockImplementation(() => {
    calls.push('consent');
    return Promise.resolve();
  });
  ask.mockReset().mockImplementation(async (message: { type: string; provider?: string }) => {
    calls.push(message.provider ? `${message.type}:${message.provider}` : message.type);
    if (message.type === 'oauthRedirectUrl') return { url: REDIRECT };
    return { userId: 'u', email: 'octo@example.test', team: null };
  });
});

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function render() {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<OAuthButtons />));
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { host, button };
}

describe('OAuthButtons', () => {
  it("shows this browser's redirect URL, and asks for consent first, then the sign-in, in the click", async () => {
    const { host, button } = await render();
    expect(host.querySelector('[aria-label="This browser’s redirect URL"]')?.textContent).toBe(REDIRECT);
    calls.length = 0;
    await act(async () => button('Continue with GitHub').click());
    expect(calls).toEqual(['consent', 'signInWithProvider:github']);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('copies the redirect URL, and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { host, button } = await render();
    await act(async () => button('Copy redirect URL').click());
    expect(writeText).toHaveBeenCalledWith(REDIRECT);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Copied.');
    writeText.mockRejectedValueOnce(new Error('Document is not focused.'));
    await act(async () => button('Copy redirect URL').click());
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Could not copy: select the address and copy it instead.');
  });

  it('is busy while the window is open: both buttons disabled, a status says where to finish', async () => {
    let finish!: () => void;
    ask.mockImplementation(async (message: { type: string }) =>
      message.type === 'oauthRedirectUrl' ? { url: REDIRECT } : new Promise((ok) => (finish = () => ok({ userId: 'u', email: 'e', team: null }))),
    );
    const { host, button } = await render();
    await act(async () => button('Continue with Google').click());
    expect(button('Continue with GitHub').disabled).toBe(true);
    expect(button('Continue with Google').getAttribute('aria-busy')).toBe('true');
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Finish signing in in the Google window…');
    await act(async () => finish());
    expect(button('Continue with GitHub').disabled).toBe(false);
    expect(host.querySelector('[role="status"]')).toBeNull();
  });

  it('a refused consent sends nothing and says so', async () => {
    consent.mockImplementation(() => Promise.reject(new ValidationError('The browser did not allow sending incidents to your team’s project, so nothing was changed.')));
    const { host, button } = await render();
    await act(async () => button('Continue with GitHub').click());
    expect(ask).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'signInWithProvider' }));
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('The browser did not allow sending incidents to your team’s project, so nothing was changed.');
  });

  it("shows the background's sentence in an alert, and lets the person try again", async () => {
    ask.mockImplementation(async (message: { type: string }) => {
      if (message.type === 'oauthRedirectUrl') return { url: REDIRECT };
      throw new ValidationError('GitHub did not allow the sign-in. Try again and choose to authorise the app when GitHub asks.');
    });
    const { host, button } = await render();
    await act(async () => button('Continue with GitHub').click());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('GitHub did not allow the sign-in. Try again and choose to authorise the app when GitHub asks.');
    expect(button('Continue with GitHub').disabled).toBe(false);
  });
});
