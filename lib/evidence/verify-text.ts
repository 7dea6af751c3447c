import { CHAIN_GENESIS } from './chain';
import { EVENTS_HEAD, EVENTS_TAIL, PACK_PATHS } from './pack-format';

/** VERIFY.md: how an auditor checks the pack by hand, with nothing of ours installed. */
export function verifyMarkdown(): string {
  return `# Verifying this evidence pack

This zip was made by Incident Capture. \`${PACK_PATHS.manifest}\` lists every other file with its
size in bytes and its SHA-256, and the head of the events' hash chain. Write the chain head down
(or ask for it by another channel) when you receive the pack: anyone who rewrites the whole pack
can recompute every hash, but not make a different pack end at the head you were given.

## 1. Files

For every entry of \`files\` in \`${PACK_PATHS.manifest}\`, the file at \`path\` has \`bytes\` bytes and
its SHA-256 (lower-case hex) is \`sha256\`. The zip holds no file that is not listed, except
\`${PACK_PATHS.manifest}\` itself.

    sha256sum ${PACK_PATHS.register} ${PACK_PATHS.events}

## 2. The events' hash chain

\`${PACK_PATHS.events}\` is one JSON document. Its first line is \`${EVENTS_HEAD}\`, its last line is
\`${EVENTS_TAIL}\`, and each line between holds one entry (followed by a comma except the last):
\`{"event": {...}, "hash": "..."}\`. Events are in the log's order: by \`hlc\`, then by \`id\`
(plain string comparison). With \`canonical(e)\` the RFC 8785 JSON canonical form of the event
(https://www.rfc-editor.org/rfc/rfc8785), as UTF-8 bytes:

    h0 = SHA-256("${CHAIN_GENESIS}")                  (the text as UTF-8)
    hi = SHA-256(hex(h(i-1)) + "\\n" + canonical(event i))  (hex: 64 lower-case ASCII characters)

Each entry's \`hash\` is \`hex(hi)\`, and the last one (or \`hex(h0)\` for a pack without events) is
\`chain.head\` in \`${PACK_PATHS.manifest}\`; \`chain.events\` is the number of entries. Changing,
removing or reordering one event changes its hash and every hash after it.

In Python (\`pip install rfc8785\`):

    import hashlib, json, rfc8785
    manifest = json.load(open("${PACK_PATHS.manifest}"))
    entries = json.load(open("${PACK_PATHS.events}", encoding="utf-8"))["events"]
    h = hashlib.sha256(b"${CHAIN_GENESIS}").hexdigest()
    for i, entry in enumerate(entries):
        h = hashlib.sha256(h.encode() + b"\\n" + rfc8785.dumps(entry["event"])).hexdigest()
        assert h == entry["hash"], f"event {i} ({entry['event']['id']}) does not match"
    assert h == manifest["chain"]["head"] and len(entries) == manifest["chain"]["events"]
    print("chain verified:", len(entries), "events, head", h)

Each line already holds the canonical form, so \`rfc8785.dumps(entry["event"])\` is the text
between \`{"event":\` and \`,"hash":\` on that line.

## 3. The contents

- \`${PACK_PATHS.register}\`: the incident register, one row per incident (times in UTC).
- \`incidents/<ref>/report.md\`: each incident's report and timeline; its screenshots sit in
  \`incidents/<ref>/screenshots/\`, named by the id of their \`screenshot\` event (whose \`sha256\`
  field recorded the image's hash when it was captured). Redacted screenshots are not in the pack.
- \`${PACK_PATHS.events}\`: every event of the packed incidents, with its hash.
- \`filters\` in \`${PACK_PATHS.manifest}\`: the declared dates (UTC days, inclusive) and severity the
  pack was limited to.

The repository's \`npm run verify-pack -- <zip>\` does all of the above and names the first file
or event that does not match.
`;
}
