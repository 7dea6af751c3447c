import { loadCaptureSettings, type CaptureSettings } from './capture-settings';
import { loadManagedSettings, type ManagedSettings } from './managed-settings';

/**
 * What a capture masks: the organisation's selectors and the person's own,
 * together. The person can add to the organisation's list but never take
 * from it (Options shows the managed ones locked).
 */
export async function loadEffectiveCaptureSettings(
  load: { own(): Promise<CaptureSettings>; managed(): Promise<ManagedSettings | null> } = { own: loadCaptureSettings, managed: loadManagedSettings },
): Promise<CaptureSettings> {
  const [own, managed] = await Promise.all([load.own(), load.managed()]);
  return { maskSelectors: [...new Set([...(managed?.maskSelectors ?? []), ...own.maskSelectors])] };
}
