import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

describe('recognisePage: GitHub Actions', () => {
  it.each([
    [
      'a workflow filtered to a branch',
      facts('https://github.com/acme/api/actions/workflows/ci.yml?query=branch%3Amain', 'CI · Workflow runs · acme/api · GitHub'),
      'GitHub Actions workflow',
      'CI failing: CI on main (acme/api)',
    ],
    [
      'a workflow from a status badge link',
      facts('https://github.com/acme/api/actions/workflows/deploy.yaml?branch=release%2F2.4', 'Deploy · Workflow runs · acme/api · GitHub'),
      'GitHub Actions workflow',
      'CI failing: Deploy on release/2.4 (acme/api)',
    ],
    [
      'the run list filtered by workflow and branch',
      facts('https://github.com/acme/api/actions?query=workflow%3A%22End+to+end%22+branch%3Amain+is%3Afailure', 'Workflow runs · acme/api · GitHub'),
      'GitHub Actions',
      'CI failing: End to end on main (acme/api)',
    ],
    [
      'a run',
      facts('https://github.com/acme/api/actions/runs/9876543210', 'Fix checkout retry · acme/api@3f2a1b9 · GitHub', { 'og:title': 'Fix checkout retry · acme/api@3f2a1b9' }),
      'GitHub Actions run',
      'CI failing: Fix checkout retry (acme/api)',
    ],
    [
      'a job of a run',
      facts('https://github.com/acme/api/actions/runs/9876543210/job/27123456789', 'test (ubuntu-latest) · acme/api@3f2a1b9 · GitHub'),
      'GitHub Actions run',
      'CI failing: test (ubuntu-latest) (acme/api)',
    ],
    ['a run without metadata', facts('https://github.com/acme/api/actions/runs/9876543210/attempts/2', ''), 'GitHub Actions run', 'CI failing: run 9876543210 (acme/api)'],
    ['a workflow without metadata', facts('https://github.com/acme/api/actions/workflows/ci.yml', ''), 'GitHub Actions workflow', 'CI failing: ci.yml (acme/api)'],
    ['the unfiltered run list', facts('https://github.com/acme/api/actions', 'Workflow runs · acme/api · GitHub'), 'GitHub Actions', 'CI failing (acme/api)'],
  ])('titles %s', (_, page, label, title) => {
    expect(recognisePage(page)).toMatchObject({ tool: 'github-actions', label, title });
  });

  it.each([
    ['a workflow file in the code view', 'https://github.com/acme/api/blob/main/.github/workflows/ci.yml'],
    ['the Actions marketplace', 'https://github.com/marketplace/actions/setup-node'],
    ['runners settings', 'https://github.com/acme/api/settings/actions/runners'],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Something · GitHub')).tool).toBeNull();
  });
});
