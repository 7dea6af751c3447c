import { describe, expect, it } from 'vitest';
import { chromePermissions, firefoxPermissions, type PermissionsApi } from './permissions';

function fakeApi(granted: (p: unknown) => boolean | Error) {
  const asked: unknown[] = [];
  const api: PermissionsApi = {
    permissions: {
      request: async (p) => {
        asked.push(p);
        const answer = granted(p);
        if (answer instanceof Error) throw answer;
        return answer;
      },
      contains: async (p) => granted(p) === true,
    },
  };
  return { api, asked };
}

const slack = { origins: ['https://hooks.slack.com/*'], dataCollection: ['websiteContent' as const, 'personallyIdentifyingInfo' as const] };

describe('chromePermissions', () => {
  it('asks for origins only: Chrome has no data consent', async () => {
    const { api, asked } = fakeApi(() => true);
    expect(await chromePermissions(api).request(slack)).toBe(true);
    expect(asked).toEqual([{ origins: ['https://hooks.slack.com/*'] }]);
  });

  it('asks nothing when only data consent is wanted, and says yes', async () => {
    const { api, asked } = fakeApi(() => false);
    expect(await chromePermissions(api).request({ dataCollection: ['websiteContent'] })).toBe(true);
    expect(await chromePermissions(api).contains({ dataCollection: ['websiteContent'] })).toBe(true);
    expect(asked).toEqual([]);
  });
});

describe('firefoxPermissions', () => {
  it('asks for origins and data consent in one request (one prompt, one gesture)', async () => {
    const { api, asked } = fakeApi(() => true);
    expect(await firefoxPermissions(api).request(slack)).toBe(true);
    expect(asked).toEqual([{ origins: ['https://hooks.slack.com/*'], data_collection: ['websiteContent', 'personallyIdentifyingInfo'] }]);
  });

  it('calls the browser synchronously, before anything awaits', () => {
    const { api, asked } = fakeApi(() => true);
    void firefoxPermissions(api).request({ dataCollection: ['websiteContent'] });
    expect(asked).toEqual([{ data_collection: ['websiteContent'] }]);
  });

  it('turns a refusal or an error (no user gesture) into false', async () => {
    const refused = fakeApi(() => false);
    expect(await firefoxPermissions(refused.api).request(slack)).toBe(false);
    const outsideGesture = fakeApi(() => new Error('permissions.request may only be called from a user input handler'));
    expect(await firefoxPermissions(outsideGesture.api).request(slack)).toBe(false);
  });

  it('checks consent without prompting', async () => {
    const { api, asked } = fakeApi((p) => !('data_collection' in (p as object)));
    expect(await firefoxPermissions(api).contains({ dataCollection: ['websiteContent'] })).toBe(false);
    expect(asked).toEqual([]);
  });
});
