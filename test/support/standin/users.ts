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
export class UserDirectory {
  private readonly lastSignIn = new Map<string, string>();
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

  recordSignIn(id: string): void {
    this.lastSignIn.set(id, new Date().toISOString());
  }

  /** The user object GoTrue returns (internal/models/user.go, JSON tags). */
  toJson(row: UserRow): Record<string, unknown> {
    const confirmedAt = (row.email_confirmed_at as string | null | undefined) ?? row.created_at;
    const updatedAt = (row.updated_at as string | undefined) ?? row.created_at;
    const lastSignInAt = this.lastSignIn.get(row.id) ?? null;
    const userMetadata = row.raw_user_meta_data ?? {};
    return {
      id: row.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: row.email,
      email_confirmed_at: confirmedAt,
      phone: '',
      confirmed_at: confirmedAt,
      last_sign_in_at: lastSignInAt,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: userMetadata,
      identities: [
        {
          identity_id: row.id,
          id: row.id,
          user_id: row.id,
          identity_data: { email: row.email, email_verified: true, phone_verified: false, sub: row.id },
          provider: 'email',
          last_sign_in_at: lastSignInAt,
          created_at: row.created_at,
          updated_at: updatedAt,
          email: row.email,
        },
      ],
      created_at: row.created_at,
      updated_at: updatedAt,
      is_anonymous: false,
    };
  }
}
