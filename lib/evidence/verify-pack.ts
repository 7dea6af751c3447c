import { unzipSync, type Unzipped } from 'fflate';
import { canonicalJson, genesisHash, nextHash, sha256Bytes } from './chain';
import { chainEntrySchema, EVENTS_HEAD, EVENTS_TAIL, manifestSchema, PACK_PATHS, type PackManifest } from './pack-format';

export type PackVerdict =
  | { ok: true; files: number; events: number; head: string }
  /** `unreadable`: not a zip, or not a pack at all; `mismatch`: the first file or event that does not match. */
  | { ok: false; reason: 'unreadable' | 'mismatch'; problem: string };

class Problem extends Error {
  constructor(
    message: string,
    readonly reason: 'unreadable' | 'mismatch' = 'mismatch',
  ) {
    super(message);
  }
}

/**
 * Checks an evidence pack (./build-pack.ts) as VERIFY.md tells an auditor
 * to, and stops at the first problem, naming the file or the event (its index
 * and id): MANIFEST.json parses; the zip holds exactly the files it lists;
 * events.json's chain recomputes, entry by entry, to the manifest's head;
 * every file has its listed size and SHA-256, and every screenshot the hash
 * its event recorded at capture. The chain is checked before the files'
 * hashes, so an edited event is named rather than only events.json.
 */
export function verifyPack(zipBytes: Uint8Array): PackVerdict {
  try {
    const files = readZip(zipBytes);
    const manifest = readManifest(files);
    checkListing(files, manifest);
    const events = files[PACK_PATHS.events];
    if (!events) throw new Problem(`${PACK_PATHS.events} is missing from the pack.`);
    const { count, head, screenshotHashes } = checkChain(events);
    if (count !== manifest.chain.events) {
      throw new Problem(`${PACK_PATHS.events} holds ${count} events; ${PACK_PATHS.manifest} says ${manifest.chain.events}.`);
    }
    if (head !== manifest.chain.head) throw new Problem(`The chain ends at ${head}; ${PACK_PATHS.manifest} says its head is ${manifest.chain.head}.`);
    checkFiles(files, manifest, screenshotHashes);
    return { ok: true, files: manifest.files.length + 1, events: count, head };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, reason: e.reason, problem: e.message };
    throw e;
  }
}

function readZip(bytes: Uint8Array): Unzipped {
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw new Problem(`This file is not a zip archive, or it is damaged (${e instanceof Error ? e.message : String(e)}).`, 'unreadable');
  }
}

function readManifest(files: Unzipped): PackManifest {
  const bytes = files[PACK_PATHS.manifest];
  if (!bytes) throw new Problem(`${PACK_PATHS.manifest} is missing: this zip is not an evidence pack.`, 'unreadable');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new Problem(`${PACK_PATHS.manifest} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Problem(`${PACK_PATHS.manifest} is not a pack manifest: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

function checkListing(files: Unzipped, manifest: PackManifest): void {
  const listed = new Set<string>();
  for (const { path } of manifest.files) {
    if (listed.has(path)) throw new Problem(`${path} is listed twice in ${PACK_PATHS.manifest}.`);
    listed.add(path);
    if (!(path in files)) throw new Problem(`${path} is listed in ${PACK_PATHS.manifest} but missing from the zip.`);
  }
  for (const path of Object.keys(files)) {
    if (path !== PACK_PATHS.manifest && !path.endsWith('/') && !listed.has(path)) {
      throw new Problem(`${path} is in the zip but not listed in ${PACK_PATHS.manifest}.`);
    }
  }
}

/** Recomputes the chain line by line (events.json's layout, VERIFY.md § 2), naming the first entry that breaks it. */
function checkChain(bytes: Uint8Array): { count: number; head: string; screenshotHashes: Map<string, string> } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Problem(`${PACK_PATHS.events} is not UTF-8 text.`);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== EVENTS_HEAD) throw new Problem(`${PACK_PATHS.events} does not start as an evidence pack's events file.`);
  if (lines.length < 2 || lines.at(-1) !== EVENTS_TAIL) throw new Problem(`${PACK_PATHS.events} does not end as an evidence pack's events file (cut short?).`);
  const entries = lines.slice(1, -1);
  let head = genesisHash();
  const screenshotHashes = new Map<string, string>();
  for (const [index, line] of entries.entries()) {
    const last = index === entries.length - 1;
    const named = () => `event ${index}${idOf(line)}`;
    if (!last && !line.endsWith(',')) throw new Problem(`${PACK_PATHS.events}: ${named()} is not followed by a comma.`);
    let json: unknown;
    try {
      json = JSON.parse(last ? line : line.slice(0, -1));
    } catch {
      throw new Problem(`${PACK_PATHS.events}: ${named()} is not valid JSON.`);
    }
    const entry = chainEntrySchema.safeParse(json);
    if (!entry.success) throw new Problem(`${PACK_PATHS.events}: ${named()} is not an event with its hash (${entry.error.issues[0]!.message}).`);
    const { event, hash } = entry.data;
    head = nextHash(head, canonicalJson(event));
    if (hash !== head) {
      throw new Problem(
        `${PACK_PATHS.events}: event ${index} (id ${event.id}) does not match its chain hash: it, or an event before it, was changed, removed or moved.`,
      );
    }
    const body = event.body as { sha256?: unknown } | undefined;
    if (event.kind === 'screenshot' && typeof body?.sha256 === 'string') screenshotHashes.set(event.id, body.sha256);
  }
  return { count: entries.length, head, screenshotHashes };
}

/** The event's id read off a line that may not parse: the envelope's id follows its hlc in canonical key order. */
function idOf(line: string): string {
  const id = /"hlc":"[^"]*","id":"([^"]{1,64})"/.exec(line)?.[1];
  return id ? ` (id ${id})` : '';
}

const SCREENSHOT_PATH = /\/screenshots\/([^/]+)\.(webp|jpg|png)$/;

function checkFiles(files: Unzipped, manifest: PackManifest, screenshotHashes: ReadonlyMap<string, string>): void {
  for (const { path, bytes, sha256 } of manifest.files) {
    const data = files[path]!;
    if (data.length !== bytes) throw new Problem(`${path} is ${data.length} bytes; ${PACK_PATHS.manifest} says ${bytes}.`);
    const actual = sha256Bytes(data);
    if (actual !== sha256) throw new Problem(`${path} does not match its SHA-256 in ${PACK_PATHS.manifest}.`);
    const eventId = SCREENSHOT_PATH.exec(path)?.[1];
    if (eventId && screenshotHashes.get(eventId) !== actual) {
      throw new Problem(`${path} does not match the SHA-256 its screenshot event recorded at capture.`);
    }
  }
}
