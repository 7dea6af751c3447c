// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeContext } from '../test/support/domain';
import { DeclareForm, type CarriedOver } from './DeclareForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(ctx: ReturnType<typeof makeContext>, carriedOver: CarriedOver | null, onDeclared = vi.fn()) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<DeclareForm ctx={ctx} initialTitle="From the tab" carriedOver={carriedOver} onDeclared={onDeclared} />));
  return { host, onDeclared };
}

const labelsOf = (scope: ParentNode) =>
  [...scope.querySelectorAll('label, legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim()).sort();

describe('DeclareForm', () => {
  it('has the same labels and button as the popup boot shell in index.html', () => {
    const { host } = render(makeContext(), null);
    const shell = document.createElement('div');
    shell.innerHTML = /<form id="shell-form"[\s\S]*?<\/form>/.exec(
      readFileSync(join(__dirname, '../entrypoints/popup/index.html'), 'utf8'),
    )![0];
    expect(labelsOf(shell)).toEqual(labelsOf(host));
    expect(shell.querySelector('button')!.textContent).toBe(host.querySelector('button[type="submit"]')!.textContent);
  });

  it('prefills the tab title when nothing was carried over', () => {
    const { host } = render(makeContext(), null);
    expect((host.querySelector('input[type="text"]') as HTMLInputElement).value).toBe('From the tab');
  });

  it('continues from the boot shell and declares a submit that was pressed before React arrived', async () => {
    const ctx = makeContext();
    const { host, onDeclared } = render(ctx, {
      title: 'Login failing',
      severity: 'major',
      summary: 'SSO only',
      focused: 'summary',
      selection: [3, 3],
      submitRequested: true,
    });
    expect((host.querySelector('input[type="text"]') as HTMLInputElement).value).toBe('Login failing');
    expect(document.activeElement).toBe(host.querySelector('textarea'));
    await vi.waitFor(() => expect(onDeclared).toHaveBeenCalledTimes(1));
    const [incident] = await ctx.db.incidents.toArray();
    expect(incident).toMatchObject({ title: 'Login failing', severity: 'major', summary: 'SSO only' });
  });

  it('shows a refused title inline and writes nothing', async () => {
    const ctx = makeContext();
    const { host, onDeclared } = render(ctx, { title: '   ', severity: 'minor', summary: '', focused: 'title', selection: null, submitRequested: true });
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toBe('Give the incident a title.'));
    expect(host.querySelector('input[type="text"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(onDeclared).not.toHaveBeenCalled();
    expect(await ctx.db.events.count()).toBe(0);
  });

  it('shows a full disk as a clear error and writes nothing', async () => {
    const ctx = makeContext();
    ctx.db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { host, onDeclared } = render(ctx, { title: 'DB down', severity: 'major', summary: '', focused: 'title', selection: null, submitRequested: true });
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/out of storage space/));
    expect(onDeclared).not.toHaveBeenCalled();
    expect(await ctx.db.incidents.count()).toBe(0);
  });
});
