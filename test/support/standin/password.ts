import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

// GoTrue stores bcrypt hashes; the stand-in uses node:crypto's scrypt so it
// needs no native module. The column holds `$scrypt$<salt>$<hash>` (base64).

const KEY_LENGTH = 32;

function derive(password: BinaryLike, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `$scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const match = /^\$scrypt\$([^$]+)\$([^$]+)$/.exec(stored ?? '');
  if (!match) return false;
  const expected = Buffer.from(match[2]!, 'base64');
  const key = await derive(password, Buffer.from(match[1]!, 'base64'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
