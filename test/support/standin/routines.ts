import type pg from 'pg';

export interface RoutineParam {
  name: string;
  type: string;
  required: boolean;
}

export interface Routine {
  schema: string;
  name: string;
  params: RoutineParam[];
  returnsSet: boolean;
  returnType: string;
}

/**
 * The overloads of `schema.name` from pg_catalog, with their input parameters
 * (IN / INOUT / VARIADIC), as PostgREST's schema cache describes routines
 * (src/PostgREST/SchemaCache.hs, `allFunctions`). Looked up on every request,
 * so functions created after the stand-in started are callable at once.
 */
export async function findRoutines(client: pg.PoolClient, schema: string, name: string): Promise<Routine[]> {
  const { rows } = await client.query<{
    returns_set: boolean;
    return_type: string;
    defaults: number;
    args: { name: string; type: string; mode: string }[];
  }>(
    `select p.proretset as returns_set,
            p.prorettype::regtype::text as return_type,
            p.pronargdefaults::int as defaults,
            coalesce((
              select json_agg(json_build_object('name', coalesce(a.name, ''), 'type', format_type(a.type, null), 'mode', a.mode) order by a.ord)
              from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]),
                          coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])),
                          p.proargnames) with ordinality as a(type, mode, name, ord)
            ), '[]') as args
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`,
    [schema, name],
  );
  return rows.map((row) => {
    const inputs = row.args.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
    const firstOptional = inputs.length - row.defaults;
    return {
      schema,
      name,
      params: inputs.map((a, i) => ({ name: a.name, type: a.type, required: i < firstOptional })),
      returnsSet: row.returns_set,
      returnType: row.return_type,
    };
  });
}

export type RoutineChoice =
  | { kind: 'named'; routine: Routine }
  | { kind: 'single-json'; routine: Routine }
  | { kind: 'none' }
  | { kind: 'ambiguous'; routines: Routine[] };

/**
 * PostgREST's overload resolution for a JSON body: a routine matches when every
 * key names one of its parameters and every parameter without a default is
 * given; failing that, a routine with one unnamed json/jsonb parameter takes
 * the whole body (https://docs.postgrest.org/en/stable/references/api/functions.html).
 */
export function chooseRoutine(routines: Routine[], keys: string[], jsonBody: boolean): RoutineChoice {
  const named = routines.filter((r) => {
    const names = new Set(r.params.map((p) => p.name));
    return keys.every((k) => names.has(k)) && r.params.every((p) => !p.required || keys.includes(p.name));
  });
  if (named.length === 1) return { kind: 'named', routine: named[0]! };
  if (named.length > 1) return { kind: 'ambiguous', routines: named };
  const single = routines.find(
    (r) => jsonBody && r.params.length === 1 && r.params[0]!.name === '' && ['json', 'jsonb'].includes(r.params[0]!.type),
  );
  return single ? { kind: 'single-json', routine: single } : { kind: 'none' };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The statement PostgREST builds for an RPC call: arguments come out of the
 * JSON body through `json_to_record`, so Postgres does every cast exactly as it
 * would for PostgREST; the result comes back as JSON text (numbers untouched).
 */
export function callStatement(
  choice: { kind: 'named' | 'single-json'; routine: Routine },
  keys: string[],
): { text: string; takesBody: boolean } {
  const { routine } = choice;
  const fn = `${quoteIdent(routine.schema)}.${quoteIdent(routine.name)}`;
  let call: string;
  let from = '';
  if (choice.kind === 'single-json') {
    call = `${fn}($1::${routine.params[0]!.type})`;
  } else {
    const given = routine.params.filter((p) => keys.includes(p.name));
    call = `${fn}(${given.map((p) => `${quoteIdent(p.name)} := _args.${quoteIdent(p.name)}`).join(', ')})`;
    if (given.length > 0) {
      from = ` from json_to_record($1::json) as _args(${given.map((p) => `${quoteIdent(p.name)} ${p.type}`).join(', ')})`;
    }
  }
  const takesBody = choice.kind === 'single-json' || from !== '';
  if (routine.returnType === 'void') return { text: `select ${call}${from}`, takesBody };
  if (routine.returnsSet) {
    const source = from === '' ? ` from ${call} as _row` : `${from} cross join lateral ${call} as _row`;
    return { text: `select coalesce(json_agg(_row), '[]')::text as body${source}`, takesBody };
  }
  return { text: `select to_json(${call})::text as body${from}`, takesBody };
}
