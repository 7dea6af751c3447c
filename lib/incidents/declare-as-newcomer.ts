import type { Incident } from '../model/incident';
import { titleSchema } from '../model/incident-fields';
import type { Profile, ProfileStore } from '../profile/profile';
import type { DomainContext } from './context';
import { ValidationError } from './errors';
import { declareIncident, type DeclareInput } from './operations';

/**
 * A newcomer's first popup declares and names them in one go (issue 12,
 * "First run in one screen"): the name and the incident are stored together,
 * or neither is. The name and the title, the mistakes a person makes, are
 * checked before anything is written, so other open pages never see a
 * profile come and go. The profile is stored before the incident: if the
 * popup closes in between, what is left is a name without an incident (the
 * next popup simply declares), never an incident led by nobody this device
 * knows. Any later failure (a full disk) takes the profile back.
 *
 * The profile store is passed in: the popup already holds it, and importing it
 * here would split zod/mini's core into a chunk of its own and cost the
 * popup's JS budget 1.5 KB (bench/README.md).
 */
export async function declareAsNewcomer(
  base: Omit<DomainContext, 'actor'>,
  name: string,
  input: DeclareInput,
  profiles: ProfileStore,
): Promise<{ profile: Profile; incident: Incident }> {
  const profile = await profiles.withName(name);
  const title = titleSchema.safeParse(input.title);
  if (!title.success) throw new ValidationError(title.error.issues[0]?.message ?? 'Give the incident a title.', 'title');

  const before = await profiles.read();
  await profiles.write(profile);
  try {
    const actor = { userId: profile.userId, displayName: profile.displayName };
    return { profile, incident: await declareIncident({ ...base, actor }, input) };
  } catch (error) {
    await profiles.write(before);
    throw error;
  }
}
