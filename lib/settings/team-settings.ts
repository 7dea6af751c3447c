import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * How this person runs incidents: customer-update templates and the nudge,
 * and which notifications they want. Where announcements go (the old
 * `slackWebhookUrl`, still read from here once) is lib/announce/destinations-store.ts.
 */
export const templateSchema = z.object({ name: z.string().trim().min(1).max(60), text: z.string().trim().min(1).max(4_000) });
export type Template = z.infer<typeof templateSchema>;

export const DEFAULT_TEMPLATES: Template[] = [
  {
    name: 'Investigating',
    text:
      'We are investigating {{title}}.\n\nWhat is affected: {{summary}}\nCurrent status: {{status}}, {{lead}} is leading our response.\n\nNext update by {{next_update}}.',
  },
  {
    name: 'Resolved',
    text: 'The issue with {{title}} is resolved ({{outcome}}).\n\nThank you for your patience. Reply to this message if anything still looks wrong.',
  },
];

export const teamSettingsSchema = z.object({
  nudgeMinutes: z.number().int().min(5).max(24 * 60),
  templates: z.array(templateSchema).min(1).max(20),
  notifyMajorDeclared: z.boolean(),
  notifyMadeLead: z.boolean(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  nudgeMinutes: 30,
  templates: DEFAULT_TEMPLATES,
  notifyMajorDeclared: true,
  notifyMadeLead: true,
};

export const teamSettingsItem = storage.defineItem<unknown>('local:teamSettings', { fallback: DEFAULT_TEAM_SETTINGS });

export function parseTeamSettings(value: unknown): TeamSettings {
  const parsed = teamSettingsSchema.safeParse({ ...DEFAULT_TEAM_SETTINGS, ...(value as object | null) });
  return parsed.success ? parsed.data : DEFAULT_TEAM_SETTINGS;
}

export async function loadTeamSettings(): Promise<TeamSettings> {
  return parseTeamSettings(await teamSettingsItem.getValue());
}

export async function saveTeamSettings(settings: TeamSettings): Promise<void> {
  await teamSettingsItem.setValue(teamSettingsSchema.parse(settings));
}
