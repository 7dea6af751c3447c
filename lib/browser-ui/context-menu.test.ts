import { describe, expect, it } from 'vitest';
import { buildLinkMenu, buildMenu, LINK_FOLLOW_UP, linkTargetOf, MAX_INCIDENT_CHOICES, parseMenuId } from './context-menu';

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

describe('Link this page to a follow-up', () => {
  const target = (n: number) => ({
    incident: { id: `0190a000-0000-7000-8000-0000000000a${n}`, title: `Incident ${n}` },
    followUp: { id: `0190a000-0000-7000-8000-0000000000f${n}`, text: `Alert & page ${n}` },
  });
  const patterns = ['https://github.com/*/*/issues/*'];

  it('is absent without an unlinked follow-up; one candidate: the item itself, only on tracker pages', () => {
    expect(buildLinkMenu([], patterns)).toEqual([]);
    expect(buildLinkMenu([target(1)], patterns)).toEqual([
      { id: LINK_FOLLOW_UP, title: 'Link this page to a follow-up', contexts: ['page'], documentUrlPatterns: patterns },
    ]);
  });

  it('several candidates are listed to choose from, "&" kept literal, capped', () => {
    const menu = buildLinkMenu([target(1), target(2)], patterns);
    expect(menu.slice(1).map((i) => [i.id, i.title, i.parentId])).toEqual([
      [`${LINK_FOLLOW_UP}:${target(1).incident.id}/${target(1).followUp.id}`, 'Alert && page 1 (Incident 1)', LINK_FOLLOW_UP],
      [`${LINK_FOLLOW_UP}:${target(2).incident.id}/${target(2).followUp.id}`, 'Alert && page 2 (Incident 2)', LINK_FOLLOW_UP],
    ]);
    const many = Array.from({ length: 15 }, () => target(3));
    expect(buildLinkMenu(many, patterns).filter((i) => i.parentId)).toHaveLength(MAX_INCIDENT_CHOICES);
  });

  it('a click names its follow-up; the bare item means the only (newest) one; other ids are not links', () => {
    const candidates = [target(1), target(2)];
    expect(linkTargetOf(`${LINK_FOLLOW_UP}:${target(2).incident.id}/${target(2).followUp.id}`, candidates)).toEqual(target(2));
    expect(linkTargetOf(LINK_FOLLOW_UP, candidates)).toEqual(target(1));
    expect(linkTargetOf(LINK_FOLLOW_UP, [])).toBeNull();
    expect(linkTargetOf(`${LINK_FOLLOW_UP}:nonsense`, candidates)).toBeNull();
    expect(linkTargetOf('screenshot', candidates)).toBe('not-link');
    expect(parseMenuId(`${LINK_FOLLOW_UP}:${target(1).incident.id}/${target(1).followUp.id}`)).toBeNull();
  });
});
