import type { ScreenshotEvent } from '../lib/model/event';

const EXTENSION: Record<ScreenshotEvent['body']['mimeType'], string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** "incident-screenshot-20261126-0900.webp": when it was taken, in the reader's time zone, as the timeline shows it. */
export function screenshotFileName(createdAt: string, mimeType: ScreenshotEvent['body']['mimeType']): string {
  const d = new Date(createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;
  return `incident-screenshot-${date}-${two(d.getHours())}${two(d.getMinutes())}.${EXTENSION[mimeType]}`;
}
