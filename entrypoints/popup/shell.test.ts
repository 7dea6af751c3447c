// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TITLE_READY_MARK } from '../../lib/perf/marks';
import { showShell } from './shell';

const html = readFileSync(join(__dirname, 'index.html'), 'utf8');

beforeEach(() => {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  performance.clearMarks();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const tab = { tabId: 1, windowId: 2, title: 'Checkout errors spiking - Grafana', url: 'http://127.0.0.1/grafana' };

describe('popup boot shell', () => {
  it('starts hidden, so first run and the incident view never flash the form', () => {
    expect(document.getElementById('shell')!.hidden).toBe(true);
  });

  it('shows the form prefilled from the tab, me as lead, Title focused and selected', () => {
    showShell('Sophie', tab);
    const title = document.getElementById('shell-title') as HTMLInputElement;
    expect(document.getElementById('shell')!.hidden).toBe(false);
    expect(title.value).toBe('Checkout errors spiking - Grafana');
    expect(document.activeElement).toBe(title);
    expect([title.selectionStart, title.selectionEnd]).toEqual([0, title.value.length]);
    expect(document.getElementById('shell-me')!.textContent).toBe('Me (Sophie)');
    expect(performance.getEntriesByName(TITLE_READY_MARK)).toHaveLength(1);
  });

  it('keeps the name as text', () => {
    showShell('<img src=x onerror=alert(1)>', tab);
    expect(document.getElementById('shell-me')!.textContent).toBe('Me (<img src=x onerror=alert(1)>)');
    expect(document.querySelector('#shell img')).toBeNull();
  });

  it('hands over what was typed, chosen and submitted before React arrived', () => {
    const read = showShell('Sophie', null);
    expect(read()).toEqual({
      title: '',
      severity: 'minor',
      summary: '',
      focused: 'title',
      selection: [0, 0],
      submitRequested: false,
    });
    const title = document.getElementById('shell-title') as HTMLInputElement;
    title.value = 'Login failing';
    (document.querySelector('input[value="major"]') as HTMLInputElement).checked = true;
    const summary = document.getElementById('shell-summary') as HTMLTextAreaElement;
    summary.value = 'SSO only';
    summary.focus();
    summary.setSelectionRange(3, 3);
    const form = document.getElementById('shell-form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(read()).toEqual({
      title: 'Login failing',
      severity: 'major',
      summary: 'SSO only',
      focused: 'summary',
      selection: [3, 3],
      submitRequested: true,
    });
  });
});
