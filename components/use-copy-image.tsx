import { useState } from 'react';
import { toPng } from './use-screenshot-image';

type Copied = { ok: true } | { ok: false; message: string } | null;

/** Copies an image to the clipboard as PNG; `CopyStatus` says how it went. */
export function useCopyImage() {
  const [copied, setCopied] = useState<Copied>(null);
  async function copy(blob: Blob) {
    setCopied(null);
    try {
      // The PNG is handed over as a promise so the write starts within the click (user activation).
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': toPng(blob) })]);
      setCopied({ ok: true });
    } catch (e) {
      setCopied({ ok: false, message: `The image could not be copied: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { copy, copied };
}

export function CopyStatus({ copied }: { copied: Copied }) {
  if (copied?.ok === true) {
    return (
      <p className="muted" role="status">
        Copied.
      </p>
    );
  }
  if (copied?.ok === false) {
    return (
      <p className="error" role="alert">
        {copied.message}
      </p>
    );
  }
  return null;
}
