import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventKinds } from './event';

const MIGRATIONS = join(__dirname, '../../supabase/migrations');

/**
 * The kinds the server accepts: the array in the latest definition of
 * incident_event_kinds() across the migrations (they apply in file-name order,
 * and each `create or replace` supersedes the one before).
 */
function sqlEventKinds(files: readonly { name: string; text: string }[]): string[] {
  let latest: string[] | null = null;
  for (const { text } of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const definition = /create\s+(?:or\s+replace\s+)?function\s+public\.incident_event_kinds\s*\(\s*\)[\s\S]*?\$\$([\s\S]*?)\$\$/gi;
    for (const match of text.matchAll(definition)) {
      const array = /array\s*\[([\s\S]*?)\]/i.exec(match[1]!);
      if (!array) throw new Error('incident_event_kinds() no longer returns an array literal; update this test’s parser');
      latest = [...array[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    }
  }
  if (!latest) throw new Error('No migration defines incident_event_kinds()');
  return latest;
}

describe('event kinds', () => {
  it('the server’s incident_event_kinds() (latest migration) and the model’s eventKinds agree', () => {
    const files = readdirSync(MIGRATIONS)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => ({ name, text: readFileSync(join(MIGRATIONS, name), 'utf8') }));
    expect([...sqlEventKinds(files)].sort()).toEqual([...eventKinds].sort());
  });

  it('reads the latest definition, not the first, so a kind added by a later migration counts', () => {
    const define = (kinds: string[], replace = '') =>
      `create ${replace}function public.incident_event_kinds()\nreturns text[] language sql as $$\n  select array[${kinds.map((k) => `'${k}'`).join(', ')}]\n$$;`;
    const files = [
      { name: '2_more.sql', text: define(['declared', 'note'], 'or replace ') },
      { name: '1_first.sql', text: `${define(['declared'])}\nselect 'unrelated';` },
    ];
    expect(sqlEventKinds(files)).toEqual(['declared', 'note']);
    expect(() => sqlEventKinds([{ name: 'x.sql', text: 'select 1;' }])).toThrow('No migration defines');
  });
});
