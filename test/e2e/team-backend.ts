import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startStandin, type Standin } from '../support/standin';
import { createSupabaseDatabase, type SupabaseDatabase } from '../support/supabase-db';
import { launchExtension, startTestSite, type ExtensionSession } from './fixtures';
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

/** What a profile needs for twoPeopleOnATeam to close it and remove its folder: a Chromium or a Firefox session. */
export interface ProfileSession {
  userDataDir: string;
  close(): Promise<void>;
}

/** Two browser profiles and a team backend for one spec file: set up before it, torn down after it. */
export interface TwoPeople<S extends ProfileSession = ExtensionSession, O = OptionsPage> {
  backend: TeamBackend;
  sophie: S;
  lawrence: S;
  /** Names, connects and signs in `session` as `name` (connectAs). */
  setUp(session: S, name: string, email: string): Promise<O>;
}

/** How one browser launches a profile and signs it in to the team; Chromium's by default, Firefox's in test/e2e-firefox/team-fixture.ts. */
export interface Profiles<S extends ProfileSession, O> {
  launch(): Promise<S>;
  connect(standin: Standin, session: S, name: string, email: string): Promise<O>;
}

const chromiumProfiles: Profiles<ExtensionSession, OptionsPage> = { launch: () => launchExtension(), connect: connectAs };

export function twoPeopleOnATeam(): TwoPeople;
export function twoPeopleOnATeam<S extends ProfileSession, O>(profiles: Profiles<S, O>): TwoPeople<S, O>;
export function twoPeopleOnATeam<S extends ProfileSession, O>(profiles?: Profiles<S, O>): TwoPeople<S, O> {
  const { launch, connect } = profiles ?? (chromiumProfiles as unknown as Profiles<S, O>);
  const people = {
    setUp: (session: S, name: string, email: string) => connect(people.backend.standin, session, name, email),
  } as TwoPeople<S, O>;
  beforeAll(async () => {
    // Settled, not all: what did start is kept so afterAll stops it when another part failed.
    const [backend, sophie, lawrence] = await Promise.allSettled([startTeamBackend(), launch(), launch()]);
    if (backend.status === 'fulfilled') people.backend = backend.value;
    if (sophie.status === 'fulfilled') people.sophie = sophie.value;
    if (lawrence.status === 'fulfilled') people.lawrence = lawrence.value;
    for (const r of [backend, sophie, lawrence]) if (r.status === 'rejected') throw r.reason;
  });
  afterAll(async () => {
    await Promise.all([people.sophie?.close(), people.lawrence?.close()]);
    // A profile relaunched on its own folder is kept by close(): remove both either way.
    for (const s of [people.sophie, people.lawrence]) if (s) rmSync(s.userDataDir, { recursive: true, force: true });
    await people.backend?.stop();
  });
  return people;
}
