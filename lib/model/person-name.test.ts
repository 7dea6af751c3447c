import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NAME_MAX } from './limits';
import { personNameSchema, storedNameSchema } from './person-name';
import { BIDI_NAME_MESSAGE } from './text-direction';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('one name schema, in zod/mini, used by full zod', () => {
  it('composes into a full-zod object with its trimming and every message intact', () => {
    const lead = z.object({ leadName: personNameSchema });
    expect(lead.parse({ leadName: '  Sam  ' })).toEqual({ leadName: 'Sam' });
    expect(firstMessage(lead.safeParse({ leadName: '   ' }))).toBe('Enter a name.');
    expect(firstMessage(lead.safeParse({ leadName: 'x'.repeat(NAME_MAX + 1) }))).toBe(`Keep names to ${NAME_MAX} characters or fewer.`);
    expect(firstMessage(lead.safeParse({ leadName: 'Sam\tSmith' }))).toBe('The name contains control characters.');
    expect(firstMessage(lead.safeParse({ leadName: 'Sam \u202eSmith' }))).toBe(BIDI_NAME_MESSAGE);
    expect(lead.safeParse({ leadName: 42 }).success).toBe(false);
  });

  it('a stored name may predate the text-direction rule; a name written now may not', () => {
    expect(storedNameSchema.parse(' Sam \u202eSmith ')).toBe('Sam \u202eSmith');
    expect(personNameSchema.safeParse('Sam \u202eSmith').success).toBe(false);
  });
});
