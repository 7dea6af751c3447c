import { describe, expect, it } from 'vitest';
import { titleFromPage } from './title-from-page';

describe('titleFromPage', () => {
  it('cleans the tab title into one line', () => {
    expect(titleFromPage({ title: '  Checkout\terrors\n spiking  ' })).toBe('Checkout errors spiking');
  });
  it('cuts a long title to 200 characters', () => {
    const title = titleFromPage({ title: 'x'.repeat(300) });
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });
  it('falls back to the host, then to a placeholder', () => {
    expect(titleFromPage({ title: '', url: 'https://grafana.acme.io/d/abc' })).toBe('Incident on grafana.acme.io');
    expect(titleFromPage({})).toBe('Untitled incident');
  });
});
