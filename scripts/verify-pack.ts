// npm run verify-pack -- <zip>: checks an evidence pack (lib/evidence/verify-pack.ts) and names the first file or event that does not match.
import { readFile } from 'node:fs/promises';
import { verifyPackCli } from '../lib/evidence/verify-pack-cli';

process.exitCode = await verifyPackCli(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
