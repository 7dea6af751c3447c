import type { PageFacts } from './page-facts';

/** PageFacts as readPageFacts returns them, for the recogniser tests. */
export function facts(url: string, title = '', meta: Record<string, string> = {}): PageFacts {
  return { url, title, meta };
}
