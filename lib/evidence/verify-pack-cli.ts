import { verifyPack } from './verify-pack';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = 'Usage: npm run verify-pack -- <evidence-pack.zip>';

/**
 * `npm run verify-pack -- <zip>` (scripts/verify-pack.ts wires Node's file
 * system in): exit 0 when the pack verifies, 1 at the first file or event
 * that does not match, 2 when the file cannot be read or is not a pack.
 */
export async function verifyPackCli(args: readonly string[], io: CliIo): Promise<0 | 1 | 2> {
  const paths = args.filter((a) => a !== '--');
  if (paths.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(paths[0]!);
  } catch (e) {
    io.err(`Cannot read ${paths[0]}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const verdict = verifyPack(bytes);
  if (verdict.ok) {
    io.out(`Pack verified: ${verdict.files} files, ${verdict.events} events, chain head ${verdict.head}`);
    return 0;
  }
  io.err(`Pack does not verify: ${verdict.problem}`);
  return verdict.reason === 'unreadable' ? 2 : 1;
}
