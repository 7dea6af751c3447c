import { describe, expect, it } from 'vitest';
import { buildMenu, MAX_INCIDENT_CHOICES, parseMenuId } from './context-menu';

const incident = (n: number, severity: 'minor' | 'major' = 'minor') => ({
  id: `0190a000-0000-7000-8000-00000000000${n}`,
  title: `Incident ${n} & co`,
  leadName: 'Sophie',
  severity,
});

describe('context menu', () => {
  it('offers the four actions directly with one or no active incident', () => {
    for (const active of [[], [incident(1)]]) {
      const menu = buildMenu(active);
      expect(menu.map((i) => i.id)).toEqual(['screenshot', 'selection', 'link', 'element']);
      expect(menu.find((i) => i.id === 'selection')?.contexts).toEqual(['selection']);
    }
  });

  it('asks which incident when several are active, Major marked, "&" kept literal', () => {
    const menu = buildMenu([incident(1, 'major'), incident(2)]);
    const children = menu.filter((i) => i.parentId === 'link');
    expect(children.map((c) => c.title)).toEqual(['Major · Incident 1 && co (Sophie)', 'Incident 2 && co (Sophie)']);
    expect(children[0]?.id).toBe(`link:${incident(1).id}`);
  });

  it('caps the choices', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ ...incident(1), id: `id-${i}` }));
    expect(buildMenu(many).filter((i) => i.parentId === 'screenshot')).toHaveLength(MAX_INCIDENT_CHOICES);
  });

  it('reads a clicked item back', () => {
    expect(parseMenuId('screenshot')).toEqual({ action: 'screenshot', incidentId: null });
    expect(parseMenuId(`element:${incident(2).id}`)).toEqual({ action: 'element', incidentId: incident(2).id });
    expect(parseMenuId('something-else')).toBeNull();
  });
});
