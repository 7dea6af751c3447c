// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionItem } from '../../../lib/supabase/connection';
import { parseInviteMessage } from '../../../lib/team/invite-message-parse';
import type { Team } from '../../../lib/team/team-record';
import { InviteCodes } from './InviteCodes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CONNECTION = { url: 'https://abcdefgh.supabase.co', anonKey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH' };
const team: Team = {
  teamId: '10000000-0000-4000-8000-000000000001',
  name: 'Acme',
  role: 'member',
  inviteCode: 'ABCDE23456',
  invites: [],
  members: [],
};

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function renderWithClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  await connectionItem.setValue(CONNECTION);
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<InviteCodes team={team} />));
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
  await vi.waitFor(() => expect(button('Copy invite').disabled).toBe(false));
  return { host, button };
}

describe('Copy invite', () => {
  it('puts the one message on the clipboard, which the join path reads back whole', async () => {
    const writeText = vi.fn(async () => {});
    const { host, button } = await renderWithClipboard(writeText);
    await act(async () => button('Copy invite').click());
    const [message] = writeText.mock.calls[0] as unknown as [string];
    expect(parseInviteMessage(message)).toEqual({ ok: true, invite: { code: 'ABCDE23456', ...CONNECTION } });
    expect(message).toContain('the Acme team');
    expect(host.querySelector('[role="status"]')!.textContent).toMatch(/Invite message copied/);
  });

  it('a refused clipboard says so, with what to do instead', async () => {
    const { host, button } = await renderWithClipboard(() => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    await act(async () => button('Copy invite').click());
    expect(host.querySelector('[role="alert"]')!.textContent).toBe(
      'Could not copy to the clipboard (Document is not focused.). Select the code and copy it instead.',
    );
    expect(host.querySelector('[role="status"]')).toBeNull();
  });
});
