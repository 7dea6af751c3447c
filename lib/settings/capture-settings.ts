import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Privacy settings for captures. Password inputs are always masked; these are
 * extra CSS selectors the person lists (API keys on a settings page, a
 * customer's email in an admin tool).
 */
export const captureSettingsSchema = z.object({
  maskSelectors: z.array(z.string().trim().min(1).max(500)).max(100),
});
export type CaptureSettings = z.infer<typeof captureSettingsSchema>;

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { maskSelectors: [] };

export const captureSettingsItem = storage.defineItem<unknown>('local:captureSettings', {
  fallback: DEFAULT_CAPTURE_SETTINGS,
});

export async function loadCaptureSettings(): Promise<CaptureSettings> {
  const parsed = captureSettingsSchema.safeParse(await captureSettingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_CAPTURE_SETTINGS;
}

/**
 * Parses the options page's text (one selector per line). Every selector is
 * checked by `isValidSelector` (the page's own CSS parser); the first bad one
 * is reported by line, and nothing is saved.
 */
export function parseMaskSelectors(
  text: string,
  isValidSelector: (selector: string) => boolean,
): { ok: true; selectors: string[] } | { ok: false; error: string } {
  const selectors = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (selectors.length > 100) return { ok: false, error: 'List at most 100 selectors.' };
  for (const [i, selector] of selectors.entries()) {
    if (selector.length > 500) return { ok: false, error: `Line ${i + 1} is longer than 500 characters.` };
    if (!isValidSelector(selector)) return { ok: false, error: `Line ${i + 1} is not a valid CSS selector: ${selector}` };
  }
  return { ok: true, selectors };
}

export async function saveCaptureSettings(settings: CaptureSettings): Promise<void> {
  await captureSettingsItem.setValue(captureSettingsSchema.parse(settings));
}
