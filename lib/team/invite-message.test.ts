import { describe, expect, it } from 'vitest';
import { INSTALL_LINKS } from './install-links';
import { buildInviteMessage } from './invite-message';
import {
  connectionFromPaste,
  inviteCodeFromPaste,
  NO_CODE,
  NO_CONNECTION,
  NOT_HTTPS,
  NOTHING_FOUND,
  parseInviteMessage,
} from './invite-message-parse';

// The Supabase CLI's fixed local publishable key (supabase/cli pkg/config/apikeys.go).
const KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const URL_ = 'https://abcdefgh.supabase.co';
const CODE = 'ABCDE23456';
const message = buildInviteMessage({ teamName: 'Acme', url: URL_, anonKey: KEY, code: CODE });
const found = { code: CODE, url: URL_, anonKey: KEY };

describe('buildInviteMessage', () => {
  it('says what the tool is, where to install it, the three steps, and every value on its own line', () => {
    expect(message).toMatch(/^You're invited to the Acme team on Incident Capture, a browser extension for declaring an incident/);
    expect(message).toContain(INSTALL_LINKS.chromeWebStore);
    expect(message).toContain(INSTALL_LINKS.firefoxAddons);
    for (const step of ['1. Install it', '2. Open its options', '3. Press Join team']) expect(message).toContain(step);
    const lines = message.split('\n');
    expect(lines).toContain(`Project URL: ${URL_}`);
    expect(lines).toContain(`Project key (public, safe to share): ${KEY}`);
    expect(lines).toContain(`Invite code: ${CODE}`);
  });

  it('install links are the store listings over https', () => {
    expect(new URL(INSTALL_LINKS.chromeWebStore).hostname).toBe('chromewebstore.google.com');
    expect(new URL(INSTALL_LINKS.firefoxAddons).hostname).toBe('addons.mozilla.org');
  });
});

describe('parseInviteMessage', () => {
  it('reads back the message it built (the install links are not taken for the project)', () => {
    expect(parseInviteMessage(message)).toEqual({ ok: true, invite: found });
  });

  it.each([
    ['extra whitespace and CRLF', message.replace(/\n/g, '\r\n\r\n   ').replace(/: /g, ':    ')],
    ['Slack links <url|url>', message.replace(URL_, `<${URL_}|${URL_.slice(8)}>`)],
    ['Slack bare links <url>', message.replace(URL_, `<${URL_}>`)],
    ['Markdown code and bold', message.replace(KEY, `\`${KEY}\``).replace(`Invite code: ${CODE}`, `**Invite code:** \`${CODE}\``)],
    ['Markdown links [label](url)', message.replace(URL_, `[project](${URL_})`)],
    ['smart quotes and trailing punctuation', message.replace(URL_, `“${URL_}/”.`).replace(CODE, `"${CODE}".`).replace(KEY, `'${KEY}',`)],
    ['a code block fence', '```\n' + message + '\n```'],
    ['no-break and zero-width spaces', message.replace(/: /g, ':\u00a0').replace(CODE, `\u200b${CODE}\u200b`)],
    ['a lower-case code with a dash', message.replace(CODE, 'abcde-23456')],
  ])('finds code, URL and key through %s', (_, text) => {
    const parsed = parseInviteMessage(text);
    expect(parsed).toEqual({ ok: true, invite: { ...found, url: expect.stringMatching(/^https:\/\/abcdefgh\.supabase\.co\/?$/) } });
  });

  it('reads a legacy anon JWT as the key, and a local http URL as the connect step allows', () => {
    const text = buildInviteMessage({ teamName: 'A', url: 'http://127.0.0.1:54321', anonKey: JWT, code: CODE });
    expect(parseInviteMessage(text)).toEqual({ ok: true, invite: { code: CODE, url: 'http://127.0.0.1:54321', anonKey: JWT } });
  });

  it.each([
    ['ABCDE23456', CODE],
    ['  abcde23456 \n', CODE],
    ['ABCDE 23456', CODE],
    ['`ABCDE23456`.', CODE],
  ])('reads the bare code %j', (text, code) => {
    expect(parseInviteMessage(text)).toEqual({ ok: true, invite: { code, url: null, anonKey: null } });
  });

  it('finds an unlabelled code in a sentence', () => {
    expect(parseInviteMessage(`join us with ${CODE} please`)).toEqual({ ok: true, invite: { code: CODE, url: null, anonKey: null } });
  });

  it.each([
    ['a code with O and I', 'ABCDEOI456', /"ABCDEOI456" is not an invite code\. Invite codes are 10 letters/],
    ['a code too short', 'ABCDE2345', /"ABCDE2345" is not an invite code/],
    ['a labelled code of the wrong shape', message.replace(CODE, 'ABC123'), /"ABC123" is not an invite code/],
    ['a label with no code', message.replace(CODE, ''), new RegExp(NO_CODE.slice(0, 20))],
    ['a project URL over http', message.replace(URL_, 'http://abcdefgh.supabase.co'), NOT_HTTPS],
    ['a project URL over ftp-like nonsense', message.replace(URL_, 'http://evil.example'), NOT_HTTPS],
    ['empty text', '   ', NOTHING_FOUND],
    ['prose with nothing in it', 'Hey, can you send me the invite for the incident tool? Thanks!', NOTHING_FOUND],
  ])('refuses %s with a sentence', (_, text, error) => {
    const parsed = parseInviteMessage(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(error);
  });
});

describe('inviteCodeFromPaste and connectionFromPaste', () => {
  it('the join step takes the code from a whole message or a bare code', () => {
    expect(inviteCodeFromPaste(message)).toEqual({ ok: true, code: CODE });
    expect(inviteCodeFromPaste('abcde23456')).toEqual({ ok: true, code: CODE });
  });

  it('the join step refuses a message without a code', () => {
    expect(inviteCodeFromPaste(`Project URL: ${URL_}\nProject key: ${KEY}`)).toEqual({ ok: false, error: NO_CODE });
  });

  it('the connect step takes URL, key and the code to remember', () => {
    expect(connectionFromPaste(message)).toEqual({ ok: true, url: URL_, anonKey: KEY, code: CODE });
    expect(connectionFromPaste(`${URL_} ${KEY}`)).toEqual({ ok: true, url: URL_, anonKey: KEY, code: null });
  });

  it('the connect step refuses a bare code or a URL without a key', () => {
    expect(connectionFromPaste(CODE)).toEqual({ ok: false, error: NO_CONNECTION });
    expect(connectionFromPaste(`Project URL: ${URL_}`)).toEqual({ ok: false, error: NO_CONNECTION });
  });
});
