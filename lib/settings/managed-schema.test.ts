import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOUNCEMENT_TOPICS, DESTINATION_KINDS, destinationSchema } from '../announce/destination';
import { MANAGED_KEYS } from './managed-settings';

// public/managed_schema.json is what Chromium validates a policy against; the
// zod judge in managed-settings.ts is what the extension applies. They must agree.
const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'));

describe('managed_schema.json', () => {
  it('lists exactly the keys the extension reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it('describes a webhook the way lib/announce/destination.ts does', () => {
    const item = schema.properties.webhooks.items;
    expect(Object.keys(item.properties).sort()).toEqual(Object.keys(destinationSchema.shape).sort());
    expect(item.properties.kind.enum).toEqual([...DESTINATION_KINDS]);
    expect(item.properties.topics.items.enum).toEqual([...ANNOUNCEMENT_TOPICS]);
  });

  it('gives every setting a title and a description for the admin console', () => {
    for (const key of MANAGED_KEYS) {
      expect(schema.properties[key].title, key).toBeTruthy();
      expect(schema.properties[key].description, key).toBeTruthy();
    }
  });
});
