import { startStandin, type Standin } from '../support/standin';
import { createSupabaseDatabase, type SupabaseDatabase } from '../support/supabase-db';
import { startTestSite, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options.page';

export const PASSWORD = 'correct horse battery staple';

/**
 * What specs with several browser profiles on one team share: a Supabase-shaped
 * database, the stand-in in front of it (logged in as the roles Supabase's
 * services use), and the test site.
 */
export interface TeamBackend {
  database: SupabaseDatabase;
  standin: Standin;
  site: Awaited<ReturnType<typeof startTestSite>>;
  stop(): Promise<void>;
}

export async function startTeamBackend(): Promise<TeamBackend> {
  const [database, site] = await Promise.all([createSupabaseDatabase(), startTestSite()]);
  const standin = await startStandin({ databaseUrl: database.url, roleUrls: database.urls });
  return {
    database,
    standin,
    site,
    async stop() {
      await standin.stop();
      await database.stop();
      await site.close();
    },
  };
}

/** Makes an account for `email`, then names, connects and signs in from this profile's options page, as a person would. */
export async function connectAs(standin: Standin, session: ExtensionSession, name: string, email: string): Promise<OptionsPage> {
  await standin.createUser(email, PASSWORD);
  const options = new OptionsPage(await session.context.newPage());
  await options.page.goto(session.url('options.html'));
  await options.saveName(name);
  await options.connect(standin.url, standin.anonKey);
  await options.signIn(email, PASSWORD);
  return options;
}
