// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInviteMessage } from '../../../lib/team/invite-message';
import { NOT_HTTPS, NO_CONNECTION } from '../../../lib/team/invite-message-parse';
import { loadPendingInviteCode, pendingInviteCodeItem } from '../../../lib/team/pending-invite';
import { ConnectForm } from './ConnectForm';
import { NoTeamForms } from './NoTeamForms';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const URL_ = 'https://abcdefgh.supabase.co';
const KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
const CODE = 'ABCDE23456';
const message = buildInviteMessage({ teamName: 'Acme', url: URL_, anonKey: KEY, code: CODE });

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(element: React.ReactElement) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
  const field = (label: string) =>
    host.querySelector<HTMLInputElement>(`#${CSS.escape([...host.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor)}`)!;
  return { host, field, alert: () => host.querySelector('[role="alert"]')?.textContent ?? null };
}

/** A paste event as the browser sends it; answers whether the page took it over (preventDefault). */
function paste(input: HTMLInputElement, text: string): boolean {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  act(() => void input.dispatchEvent(event));
  return event.defaultPrevented;
}

describe('the connect step takes a whole invite message', () => {
  it('pasted into Project URL, it fills URL and key and keeps the code for the join step', async () => {
    const { field, alert } = render(<ConnectForm />);
    expect(paste(field('Project URL'), message)).toBe(true);
    expect(field('Project URL').value).toBe(URL_);
    expect(field('Publishable or anon key').value).toBe(KEY);
    expect(alert()).toBeNull();
    await expect.poll(loadPendingInviteCode).toBe(CODE);
  });

  it('a bare URL pastes as usual', () => {
    const { field } = render(<ConnectForm />);
    expect(paste(field('Project URL'), URL_)).toBe(false);
  });

  it.each([
    ['an http project URL', message.replace(URL_, 'http://abcdefgh.example.com'), NOT_HTTPS],
    ['a message without a key', `Project URL: ${URL_}\nInvite code: ${CODE}`, NO_CONNECTION],
    ['a secret key', message.replace(KEY, 'sb_secret_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH'), 'That is a secret key, which bypasses all security. Use the publishable key (sb_publishable_…) instead.'],
  ])('refuses %s with a sentence and changes nothing', async (_, text, sentence) => {
    const { field, alert } = render(<ConnectForm />);
    expect(paste(field('Publishable or anon key'), text)).toBe(true);
    expect(alert()).toBe(sentence);
    expect(field('Project URL').value).toBe('');
    expect(field('Publishable or anon key').value).toBe('');
    expect(await pendingInviteCodeItem.getValue()).toBeNull();
  });
});

describe('the join step', () => {
  it('comes prefilled with a code kept by the connect step', async () => {
    await pendingInviteCodeItem.setValue(CODE);
    const { field } = render(<NoTeamForms />);
    await expect.poll(() => field('Invite code').value).toBe(CODE);
  });

  it('ignores a kept value that is not a code', async () => {
    await pendingInviteCodeItem.setValue('<img src=x>');
    expect(await loadPendingInviteCode()).toBeNull();
  });

  it('reads the code out of a pasted message; refuses a wrong-shaped code, keeping what was there', () => {
    const { field, alert } = render(<NoTeamForms />);
    paste(field('Invite code'), message);
    expect(field('Invite code').value).toBe(CODE);
    paste(field('Invite code'), 'ABCDE0O1I2');
    expect(alert()).toMatch(/"ABCDE0O1I2" is not an invite code\. Invite codes are 10 letters and digits/);
    expect(field('Invite code').value).toBe(CODE);
  });
});
