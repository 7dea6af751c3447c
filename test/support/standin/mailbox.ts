import { randomInt } from 'node:crypto';

/** GoTrue's default `GOTRUE_MAILER_OTP_EXP`: one hour. */
const OTP_LIFETIME_MS = 3600 * 1000;

interface SentCode {
  code: string;
  sentAt: number;
  used: boolean;
}

/**
 * The emails `/auth/v1/otp` would send. Like GoTrue, which keeps one pending
 * token per user, only the newest code for an address is accepted, once, for
 * an hour; `codes()` still lists every code sent so tests can try stale ones.
 */
export class Mailbox {
  private readonly sent = new Map<string, SentCode[]>();

  send(email: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = email.toLowerCase();
    this.sent.set(key, [...(this.sent.get(key) ?? []), { code, sentAt: Date.now(), used: false }]);
    return code;
  }

  codes(email: string): string[] {
    return (this.sent.get(email.toLowerCase()) ?? []).map((s) => s.code);
  }

  consume(email: string, code: string): boolean {
    const newest = this.sent.get(email.toLowerCase())?.at(-1);
    if (!newest || newest.used || newest.code !== code || Date.now() - newest.sentAt > OTP_LIFETIME_MS) return false;
    newest.used = true;
    return true;
  }
}
