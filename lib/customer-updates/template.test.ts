import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { declareIncident, resolveIncident } from '../incidents/operations';
import { DEFAULT_TEMPLATES } from '../settings/team-settings';
import { renderTemplate } from './template';

describe('renderTemplate', () => {
  it('drafts an update: what is affected, the status, when the next update comes', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: 'Checkout errors', summary: 'Card payments in the EU', severity: 'major' });
    const text = renderTemplate(DEFAULT_TEMPLATES[0]!.text, incident, { nowMs: Date.UTC(2026, 10, 26, 9, 0), nextUpdateMinutes: 30 });
    expect(text).toContain('We are investigating Checkout errors.');
    expect(text).toContain('What is affected: Card payments in the EU');
    expect(text).toContain('Current status: investigating, Sophie is leading');
    expect(text).toMatch(/Next update by .*\d{2}.\d{2}/);
  });

  it('fills the outcome once resolved, and leaves unknown placeholders visible', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Slow search' });
    const resolved = await resolveIncident(ctx, id, 'fixed');
    expect(renderTemplate('{{title}}: {{outcome}} {{nonsense}}', resolved, { nowMs: 0, nextUpdateMinutes: 30 })).toBe('Slow search: fixed {{nonsense}}');
  });
});
