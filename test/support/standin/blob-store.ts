import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Storage's `file` backend: object bytes on disk at `<root>/<bucket>/<key>`
 * (src/storage/backend/file.ts). Writes are staged, then renamed into place
 * only after the database row committed, so a refused upload leaves no bytes.
 */
export class BlobStore {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  static async create(): Promise<BlobStore> {
    const root = await mkdtemp(join(tmpdir(), 'supabase-standin-storage-'));
    await mkdir(join(root, '.staging'));
    return new BlobStore(root);
  }

  async stage(body: Buffer): Promise<string> {
    const staged = join(this.root, '.staging', randomUUID());
    await writeFile(staged, body);
    return staged;
  }

  async publish(staged: string, bucket: string, key: string): Promise<void> {
    const target = this.pathOf(bucket, key);
    await mkdir(dirname(target), { recursive: true });
    await rename(staged, target);
  }

  async discard(staged: string): Promise<void> {
    await rm(staged, { force: true });
  }

  async read(bucket: string, key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(bucket, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(bucket: string, key: string): Promise<void> {
    await rm(this.pathOf(bucket, key), { force: true });
  }

  async destroy(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  /** Keys are checked by `isValidKey` before they get here; `..` segments never reach the disk. */
  private pathOf(bucket: string, key: string): string {
    return join(this.root, bucket, ...key.split('/'));
  }
}

/**
 * Storage's `isValidKey` (src/storage/limits.ts): S3-safe characters only. The
 * stand-in also refuses `.`/`..` and empty segments, which it would map to disk.
 */
export function isValidKey(key: string): boolean {
  if (!/^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)+$/.test(key)) return false;
  return key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
