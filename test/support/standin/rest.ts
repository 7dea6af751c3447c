import pg from 'pg';
import { resolveCaller } from './caller.ts';
import type { JwtService } from './jwt.ts';
import { postgrestError, postgrestJwtError, postgrestSqlError } from './postgrest-errors.ts';
import { bytes, empty, header, jsonBody, type Reply, type StandinRequest } from './reply.ts';
import { headersJson, withRequestTransaction } from './request-transaction.ts';
import type { RoleSettings } from './role-settings.ts';
import { callStatement, chooseRoutine, findRoutines, type Routine } from './routines.ts';

export interface RestContext {
  pool: pg.Pool;
  jwt: JwtService;
  /** `alter role … set` settings of the roles PostgREST impersonates (role-settings.ts). */
  roleSettings: RoleSettings;
}

/** Supabase exposes `public` (and `graphql_public`, which the stand-in does not serve). */
const EXPOSED_SCHEMAS = ['public'];

/** GET /rpc/fn query parameters that are PostgREST's own, not arguments. */
const RESERVED_QUERY = new Set(['select', 'order', 'limit', 'offset', 'columns', 'apikey']);

/** A routine lookup that failed; thrown inside the transaction so it rolls back. */
class RoutineNotFound extends Error {
  readonly reply: Reply;

  constructor(reply: Reply) {
    super('routine not found');
    this.reply = reply;
  }
}

/**
 * `/rest/v1/rpc/<function>`: PostgREST's RPC endpoint, the only part of the
 * REST API the extension uses. POST takes named arguments as a JSON object;
 * GET takes them from the query string and runs read-only.
 * https://docs.postgrest.org/en/stable/references/api/functions.html
 */
export async function handleRest(context: RestContext, request: StandinRequest): Promise<Reply> {
  const path = request.url.pathname.replace(/^\/rest\/v1/, '');
  const match = /^\/rpc\/([^/]+)$/.exec(path);
  if (!match) {
    return postgrestError(400, {
      code: 'PGRST127',
      message: 'Feature not implemented',
      details: 'The Supabase stand-in serves only /rest/v1/rpc/<function>.',
    });
  }
  const name = decodeURIComponent(match[1]!);
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (method !== 'GET' && method !== 'POST') {
    return postgrestError(405, { code: 'PGRST101', message: `Cannot use the ${request.method} method on RPC` });
  }

  const profile = header(request, method === 'POST' ? 'content-profile' : 'accept-profile') ?? 'public';
  if (!EXPOSED_SCHEMAS.includes(profile)) {
    return postgrestError(406, {
      code: 'PGRST106',
      message: `Invalid schema: ${profile}`,
      hint: `Only the following schemas are exposed: ${EXPOSED_SCHEMAS.join(', ')}`,
    });
  }

  const caller = await resolveCaller(request, context.jwt);
  if (!caller.ok) return postgrestJwtError(caller.problem, caller.parts);

  const args = method === 'POST' ? parseBody(request) : queryArgs(request);
  if (args === undefined) return postgrestError(400, { code: 'PGRST102', message: 'Empty or invalid json' });
  const keys = Object.keys(args).sort();

  // In PostgREST's order (PreQuery.hs, `txVarQuery`): search_path, the impersonated role's
  // own settings (so `statement_timeout` of anon / authenticated applies), role, claims
  // (with `role` inserted), method, path, headers, cookies.
  const settings = {
    search_path: 'public, extensions',
    ...context.roleSettings.get(caller.role),
    role: caller.role,
    'request.jwt.claims': JSON.stringify({ ...caller.claims, role: caller.role }),
    'request.method': request.method,
    'request.path': path,
    'request.headers': headersJson(request),
    'request.cookies': '{}',
  };
  try {
    const body = await withRequestTransaction(
      context.pool,
      settings,
      async (client) => {
        const routines = await findRoutines(client, 'public', name);
        const choice = chooseRoutine(routines, keys, method === 'POST');
        if (choice.kind === 'none') throw new RoutineNotFound(noRoutine(name, keys, method === 'POST', routines));
        if (choice.kind === 'ambiguous') throw new RoutineNotFound(ambiguousRoutine(choice.routines));
        const statement = callStatement(choice, keys);
        const params = statement.takesBody ? [JSON.stringify(args)] : [];
        const result = await client.query<{ body?: string }>(statement.text, params);
        return choice.routine.returnType === 'void' ? undefined : (result.rows[0]?.body ?? 'null');
      },
      { readOnly: method === 'GET' },
    );
    if (body === undefined) return empty(204); // PostgREST answers a void function with 204 No Content
    return bytes(200, Buffer.from(body), { 'content-type': 'application/json; charset=utf-8' });
  } catch (error) {
    if (error instanceof RoutineNotFound) return error.reply;
    if (error instanceof pg.DatabaseError) return postgrestSqlError(error, caller.authenticated);
    return postgrestError(503, {
      code: 'PGRST000',
      message: 'Database connection error. Retrying the connection.',
      details: error instanceof Error ? error.message : String(error),
    });
  }
}

function parseBody(request: StandinRequest): Record<string, unknown> | undefined {
  try {
    const value = jsonBody(request);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function queryArgs(request: StandinRequest): Record<string, unknown> {
  return Object.fromEntries([...request.url.searchParams].filter(([key]) => !RESERVED_QUERY.has(key)));
}

/** PGRST202, worded as Error.hs words `NoRpc`. */
function noRoutine(name: string, keys: string[], post: boolean, overloads: Routine[]): Reply {
  const fn = `public.${name}`;
  const listed = keys.join(', ');
  const params = keys.length === 0 ? ' without parameters' : `(${listed})`;
  const searched = keys.length === 0 ? ' without parameters' : ` with parameter${keys.length > 1 ? 's' : ''} ${listed}`;
  const hintParams = overloads[0]?.params.map((p) => p.name).sort().join(', ');
  return postgrestError(404, {
    code: 'PGRST202',
    message: `Could not find the function ${fn}${params} in the schema cache`,
    details: `Searched for the function ${fn}${searched}${post ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
    hint: hintParams === undefined ? null : `Perhaps you meant to call the function ${fn}(${hintParams})`,
  });
}

/** PGRST203, status 300. */
function ambiguousRoutine(routines: Routine[]): Reply {
  const list = routines.map((r) => `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`);
  return postgrestError(300, {
    code: 'PGRST203',
    message: `Could not choose the best candidate function between: ${list.join(', ')}`,
    hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  });
}
