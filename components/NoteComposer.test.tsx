// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_MAX } from '../lib/model/limits';
import { noteTextSchema } from '../lib/model/incident-fields';
import { NoteComposer } from './NoteComposer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(onAdd = vi.fn(async () => 'added')) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<NoteComposer onAdd={onAdd} />));
  return { host, onAdd, textarea: host.querySelector('textarea')! };
}

/** A paste as the browser delivers it: the clipboard's text, and a default (the browser inserting it) to prevent. */
function paste(textarea: HTMLTextAreaElement, text: string): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { files: [], getData: (type: string) => (type === 'text/plain' ? text : '') } });
  act(() => textarea.dispatchEvent(event));
  return event;
}

function typeInto(textarea: HTMLTextAreaElement, value: string, caret = value.length) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  textarea.setSelectionRange(caret, caret);
}

describe('NoteComposer paste', () => {
  it('a 50 MB paste inserts up to the note limit at once and says the rest was cut', async () => {
    const { host, textarea, onAdd } = render();
    const huge = 'log line 42: connection reset by peer\n'.repeat(Math.ceil((50 * 1024 * 1024) / 38));
    const started = performance.now();
    const event = paste(textarea, huge);
    const took = performance.now() - started;
    expect(event.defaultPrevented).toBe(true); // the browser never gets to insert 50 MB
    expect(textarea.value).toHaveLength(NOTE_MAX);
    expect(huge.startsWith(textarea.value)).toBe(true);
    expect(took).toBeLessThan(1_000); // the panel stays responsive (the cut itself is milliseconds)
    expect(host.querySelector('[role="status"]')!.textContent).toBe(
      'The pasted text was cut at 16,000 characters, the most a note can hold; the rest was left out. Split a longer log across several notes.',
    );
    expect(textarea.getAttribute('aria-describedby')).toBe(host.querySelector('[role="status"]')!.id);
    // What was inserted is a note the schema accepts, and it is added as a log.
    expect(noteTextSchema.safeParse(textarea.value).success).toBe(true);
    const inserted = textarea.value;
    act(() => host.querySelector('form')!.requestSubmit());
    await vi.waitFor(() => expect(onAdd).toHaveBeenCalledWith({ text: inserted, format: 'log' }));
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')).toBeNull());
  });

  it('fills only the room left around what is already typed', () => {
    const { textarea } = render();
    const typed = 'before  after';
    typeInto(textarea, typed, 7);
    paste(textarea, 'y'.repeat(NOTE_MAX));
    expect(textarea.value).toHaveLength(NOTE_MAX);
    expect(textarea.value.startsWith('before y')).toBe(true);
    expect(textarea.value.endsWith('y after')).toBe(true);
  });

  it('leaves an ordinary paste to the browser, and still strips colour codes by hand', () => {
    const { host, textarea } = render();
    expect(paste(textarea, 'one line').defaultPrevented).toBe(false);
    const colourful = paste(textarea, '\u001b[31mERROR\u001b[0m boom\nat main');
    expect(colourful.defaultPrevented).toBe(true);
    expect(textarea.value).toBe('ERROR boom\nat main');
    expect(host.querySelector('[role="status"]')).toBeNull(); // nothing was cut
  });

  it('the textarea itself holds no more than a note can', () => {
    const { textarea } = render();
    expect(textarea.maxLength).toBe(NOTE_MAX);
  });
});
