import { describe, expect, it } from 'vitest';
import { checkDestinationUrl, originPattern } from './destination-url';

describe('checkDestinationUrl', () => {
  it.each([
    ['slack', 'https://hooks.slack.com/services/T000/B000/XXXX'],
    ['discord', 'https://discord.com/api/webhooks/123456789012345678/abc-DEF_123'],
    ['discord', 'https://discordapp.com/api/webhooks/1/x'],
    ['teams', 'https://prod-27.westus.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x'],
    ['teams', 'https://default0a1b.c2.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0a1b/triggers/manual/paths/invoke?api-version=1&sig=x'],
    ['mattermost', 'https://chat.example.com/hooks/xxxgeneratedkeyxxx'],
    ['json', 'https://example.com/anything'],
    ['json', 'http://127.0.0.1:8080/hook'],
    ['slack', 'http://localhost:3000/services/x'],
  ] as const)('accepts %s %s', (kind, url) => {
    expect(checkDestinationUrl(kind, url)).toBeNull();
  });

  it.each([
    ['slack', 'https://example.com/services/x', /Slack incoming-webhook URL/],
    ['slack', 'http://hooks.slack.com/services/x', /must start with https/],
    ['discord', 'https://discord.com/channels/1/2', /Discord webhook URL/],
    ['teams', 'https://outlook.webhook.office.com/webhookb2/x', /Teams workflow/],
    ['teams', 'https://evil.example/workflows/x', /Teams workflow/],
    ['mattermost', 'https://chat.example.com/api/v4/posts', /Mattermost incoming-webhook URL/],
    ['json', 'http://example.com/hook', /must start with https/],
    ['json', 'not a url', /https address/],
    ['json', 'https://user:pass@example.com/', /user name or password/],
    ['json', 'ftp://example.com/', /https/],
  ] as const)('refuses %s %s with a sentence naming what to paste', (kind, url, sentence) => {
    expect(checkDestinationUrl(kind, url)).toMatch(sentence);
  });

  it('asks for the origin on any port', () => {
    expect(originPattern('https://prod-27.westus.logic.azure.com:443/workflows/x?sig=1')).toBe('https://prod-27.westus.logic.azure.com/*');
    expect(originPattern('http://127.0.0.1:5555/hook')).toBe('http://127.0.0.1/*');
  });
});
