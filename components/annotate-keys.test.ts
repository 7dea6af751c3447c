import { describe, expect, it } from 'vitest';
import { editorCommand } from './annotate-keys';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  editorCommand({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('editor shortcuts', () => {
  it('undo is Ctrl/Cmd+Z; redo is Ctrl/Cmd+Shift+Z or Ctrl+Y', () => {
    expect(press('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(press('z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(press('Z', { metaKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(press('y', { ctrlKey: true })).toEqual({ type: 'redo' });
  });

  it('a letter picks a tool, a digit a colour, Esc leaves; modified letters are left to the browser', () => {
    expect(press('b')).toEqual({ type: 'tool', tool: 'box' });
    expect(press('c')).toEqual({ type: 'tool', tool: 'crop' });
    expect(press('2')).toEqual({ type: 'colour', colour: '#ffd60a' });
    expect(press('9')).toBeNull();
    expect(press('Escape')).toEqual({ type: 'exit' });
    expect(press('c', { ctrlKey: true })).toBeNull();
    expect(press('b', { altKey: true })).toBeNull();
  });
});
