// zod/mini: the profile is read before the popup can show anything, and the
// full zod build would push the popup past its JS budget (test/e2e/bundle.spec.ts).
// zod 4's mini and classic schemas share one core, so the full-zod event
// schemas take these as they are (person-name.test.ts checks it).
import * as z from 'zod/mini';
import { NAME_MAX } from './limits';
import { BIDI_NAME_MESSAGE, hasBidiControls } from './text-direction';

/** C0 and C1 control characters: a name is one line of plain text. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A display name as it may be stored: trimmed, 1–NAME_MAX characters, no
 * control characters. A stored profile is read with this (lib/profile), so a
 * name saved before the text-direction rule still loads.
 */
export const storedNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter a name.'),
  z.maxLength(NAME_MAX, `Keep names to ${NAME_MAX} characters or fewer.`),
  z.refine((s) => !CONTROL_CHARS.test(s), 'The name contains control characters.'),
);

/** A person's name as it is written now (a lead on an event, a new display name): also no text-direction controls. */
export const personNameSchema = storedNameSchema.check(z.refine((s) => !hasBidiControls(s), BIDI_NAME_MESSAGE));
