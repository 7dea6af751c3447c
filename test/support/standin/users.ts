import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A row of `auth.users` as `to_jsonb` gives it: the columns the bootstrap has. */
export interface UserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string;
  [column: string]: unknown;
}

/** Columns GoTrue fills that a minimal bootstrap may lack; set only when present. */
const OPTIONAL_COLUMNS: Record<string, string> = {
  aud: `'authenticated'`,
  role: `'authenticated'`,
  email_confirmed_at: 'now()',
  raw_app_meta_data: `'{"provider":"email","providers":["email"]}'::jsonb`,
  updated_at: 'now()',
};

/**
 * `auth.users`, read and written the way GoTrue does (as the table's owner,
 * outside RLS). Emails are compared lower-cased. Every user is confirmed: the
 * stand-in behaves like a project with email confirmations off, as
 * `supabase start` configures by default.
 */
/** One `auth.identities` row as GoTrue returns it in `user.identities` (internal/models/identity.go). */
export interface IdentityJson {
  identity_id: string;
  id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  email: string;
}

export class UserDirectory {
  private readonly lastSignIn = new Map<string, string>();
  /** Provider identities (GitHub, Google) by user id; the bootstrap has no `auth.identities`, so they live here. */
  private readonly providerIdentities = new Map<string, IdentityJson[]>();
  private readonly pool: pg.Pool;
  private readonly optional: string[];

  private constructor(pool: pg.Pool, optional: string[]) {
    this.pool = pool;
    this.optional = optional;
  }

  static async open(pool: pg.Pool): Promise<UserDirectory> {
    const { rows } = await pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns
        where table_schema = 'auth' and table_name = 'users' and is_generated = 'NEVER'`,
    );
    const present = new Set(rows.map((r) => r.column_name));
    return new UserDirectory(pool, Object.keys(OPTIONAL_COLUMNS).filter((c) => present.has(c)));
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<{ user: UserRow }>(
      'select to_jsonb(u) as user from auth.users u where lower(u.email) = lower($1)',
      [email],
    );
    return rows[0]?.user;
  }

  async byId(id: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<{ user: UserRow }>('select to_jsonb(u) as user from auth.users u where u.id = $1', [id]);
    return rows[0]?.user;
  }

  /** Inserts a user; throws pg's 23505 when the email is taken. */
  async create(email: string, passwordHash: string | null, metadata: Record<string, unknown>): Promise<UserRow> {
    const columns = ['id', 'email', 'encrypted_password', 'raw_user_meta_data', ...this.optional];
    const values = ['$1', '$2', '$3', '$4', ...this.optional.map((c) => OPTIONAL_COLUMNS[c]!)];
    const { rows } = await this.pool.query<{ user: UserRow }>(
      `insert into auth.users (${columns.join(', ')}) values (${values.join(', ')}) returning to_jsonb(users) as user`,
      [randomUUID(), email.toLowerCase(), passwordHash, JSON.stringify(metadata)],
    );
    return rows[0]!.user;
  }

  /**
   * GoTrue after a provider's consent (internal/api/external.go
   * `createAccountFromExternalIdentity`, internal/models/linking.go): a known
   * identity signs its user in; else a user with the same verified email gets
   * the identity linked; else a new user is made from the provider's data,
   * with no password and `app_metadata.provider` set to the provider.
   */
  async signInFromProvider(provider: string, providerId: string, email: string, identityData: Record<string, unknown>): Promise<UserRow> {
    for (const [userId, identities] of this.providerIdentities) {
      if (identities.some((i) => i.provider === provider && i.id === providerId)) {
        const user = await this.byId(userId);
        if (user) return user;
      }
    }
    let user = await this.byEmail(email);
    if (!user) {
      const id = randomUUID();
      const appMeta = JSON.stringify({ provider, providers: [provider] });
      const columns = ['id', 'email', 'encrypted_password', 'raw_user_meta_data', ...this.optional];
      const values = ['$1', '$2', 'null', '$3', ...this.optional.map((c) => (c === 'raw_app_meta_data' ? '$4::jsonb' : OPTIONAL_COLUMNS[c]!))];
      const params = [id, email.toLowerCase(), JSON.stringify(identityData)];
      if (this.optional.includes('raw_app_meta_data')) params.push(appMeta);
      const { rows } = await this.pool.query<{ user: UserRow }>(
        `insert into auth.users (${columns.join(', ')}) values (${values.join(', ')}) returning to_jsonb(users) as user`,
        params,
      );
      user = rows[0]!.user;
    } else if (this.optional.includes('raw_app_meta_data')) {
      const { rows } = await this.pool.query<{ user: UserRow }>(
        `update auth.users u set raw_app_meta_data = jsonb_set(coalesce(u.raw_app_meta_data, '{"provider":"email","providers":["email"]}'),
            '{providers}', (select to_jsonb(array(select distinct p from jsonb_array_elements_text(
              coalesce(u.raw_app_meta_data->'providers', '["email"]') || to_jsonb($2::text)) p))))
          where u.id = $1 returning to_jsonb(u) as user`,
        [user.id, provider],
      );
      user = rows[0]!.user;
    }
    const now = new Date().toISOString();
    const list = this.providerIdentities.get(user.id) ?? [];
    list.push({
      identity_id: randomUUID(),
      id: providerId,
      user_id: user.id,
      identity_data: identityData,
      provider,
      last_sign_in_at: now,
      created_at: now,
      updated_at: now,
      email: email.toLowerCase(),
    });
    this.providerIdentities.set(user.id, list);
    return user;
  }

  recordSignIn(id: string): void {
    this.lastSignIn.set(id, new Date().toISOString());
  }

  /** The user object GoTrue returns (internal/models/user.go, JSON tags). */
  toJson(row: UserRow): Record<string, unknown> {
    const confirmedAt = (row.email_confirmed_at as string | null | undefined) ?? row.created_at;
    const updatedAt = (row.updated_at as string | undefined) ?? row.created_at;
    const lastSignInAt = this.lastSignIn.get(row.id) ?? null;
    const userMetadata = row.raw_user_meta_data ?? {};
    const appMetadata = (row.raw_app_meta_data as Record<string, unknown> | null | undefined) ?? { provider: 'email', providers: ['email'] };
    // Made by a provider sign-in: no email identity until the person adds a password or an email sign-in.
    const providers = Array.isArray(appMetadata.providers) ? (appMetadata.providers as string[]) : ['email'];
    const hasEmailIdentity = row.encrypted_password !== null || providers.includes('email');
    const emailIdentity = {
      identity_id: row.id,
      id: row.id,
      user_id: row.id,
      identity_data: { email: row.email, email_verified: true, phone_verified: false, sub: row.id },
      provider: 'email',
      last_sign_in_at: lastSignInAt,
      created_at: row.created_at,
      updated_at: updatedAt,
      email: row.email,
    };
    return {
      id: row.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: row.email,
      email_confirmed_at: confirmedAt,
      phone: '',
      confirmed_at: confirmedAt,
      last_sign_in_at: lastSignInAt,
      app_metadata: appMetadata,
      user_metadata: userMetadata,
      identities: [...(hasEmailIdentity ? [emailIdentity] : []), ...(this.providerIdentities.get(row.id) ?? [])],
      created_at: row.created_at,
      updated_at: updatedAt,
      is_anonymous: false,
    };
  }
}
