import type { ImportResult } from '../../../lib/export/json-import';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What an import did, in one sentence. */
export function importSummary({ added, skipped, images }: ImportResult): string {
  if (!added && !images) {
    return skipped ? `Nothing new: all ${count(skipped, 'event')} in this file are already here.` : 'This export file holds no events.';
  }
  const what = images ? `${count(added, 'event')} and ${count(images, 'image')}` : count(added, 'event');
  return `Imported ${what}${skipped ? `; ${count(skipped, 'event')} already here ${skipped === 1 ? 'was' : 'were'} left as ${skipped === 1 ? 'it was' : 'they were'}` : ''}.`;
}
