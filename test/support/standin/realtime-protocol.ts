import { z } from 'zod';

/**
 * Phoenix channel messages as Realtime's websocket carries them. Realtime accepts
 * both serializers (supabase/realtime lib/realtime_web/endpoint.ex: `{Phoenix.Socket.V1.JSONSerializer,
 * "~> 1.0.0"}`, `{RealtimeWeb.Socket.V2Serializer, "~> 2.0.0"}`), picked by the `vsn` query
 * parameter, Phoenix's default being 1.0.0. The installed @supabase/realtime-js 2.119 connects
 * with `vsn=2.0.0` (lib/constants.js `DEFAULT_VSN`): text frames holding the array
 * `[join_ref, ref, topic, event, payload]` (lib/serializer.js); binary frames are only for
 * user broadcasts, which the stand-in does not serve.
 */
export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

export type Vsn = '1.0.0' | '2.0.0';

export const SUPPORTED_VSN: readonly Vsn[] = ['1.0.0', '2.0.0'];

const refSchema = z.union([z.string(), z.number().transform(String)]).nullish().transform((v) => v ?? null);

const v2Schema = z.tuple([refSchema, refSchema, z.string(), z.string(), z.unknown()]);
const v1Schema = z.object({ join_ref: refSchema, ref: refSchema, topic: z.string(), event: z.string(), payload: z.unknown() });

/** A text frame from the client; `undefined` when it is not a message (Realtime logs and ignores it). */
export function decodeMessage(vsn: Vsn, text: string): PhoenixMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (vsn === '2.0.0') {
    const parsed = v2Schema.safeParse(json);
    if (!parsed.success) return undefined;
    const [joinRef, ref, topic, event, payload] = parsed.data;
    return { joinRef, ref, topic, event, payload };
  }
  const parsed = v1Schema.safeParse(json);
  if (!parsed.success) return undefined;
  const { join_ref: joinRef, ref, topic, event, payload } = parsed.data;
  return { joinRef, ref, topic, event, payload };
}

/** V2: the array; V1: `Map.take(message, [:topic, :event, :payload, :ref, :join_ref])` (Phoenix.Socket.V1.JSONSerializer). */
export function encodeMessage(vsn: Vsn, message: PhoenixMessage): string {
  if (vsn === '2.0.0') return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
  return JSON.stringify({ topic: message.topic, event: message.event, payload: message.payload, ref: message.ref, join_ref: message.joinRef });
}

/** A `phx_reply`: `{ status, response }` answering the push whose ref it carries. */
export function reply(joinRef: string | null, ref: string | null, topic: string, status: 'ok' | 'error', response: object): PhoenixMessage {
  return { joinRef, ref, topic, event: 'phx_reply', payload: { status, response } };
}

/**
 * One `postgres_changes` entry of a join's config (RealtimeWeb.Channels.Payloads.PostgresChange:
 * event, schema, table, filter, all strings). Kept as sent: the join reply echoes it back with
 * an `id`, and realtime-js compares event, schema, table and filter with what it asked for.
 */
export const postgresChangeSchema = z.looseObject({
  event: z.string(),
  schema: z.string(),
  table: z.string().optional(),
  filter: z.string().optional(),
});
export type PostgresChangeParams = z.infer<typeof postgresChangeSchema>;

/** What realtime-js puts in `phx_join` (RealtimeChannel.js `subscribe`): `{ config, access_token? }`. */
export const joinPayloadSchema = z.looseObject({
  config: z
    .looseObject({
      postgres_changes: z.array(postgresChangeSchema.nullable()).optional(),
      private: z.boolean().optional(),
    })
    .optional(),
  access_token: z.string().nullish(),
  user_token: z.string().nullish(),
});
export type JoinPayload = z.infer<typeof joinPayloadSchema>;

export const accessTokenPayloadSchema = z.looseObject({ access_token: z.string().nullish() });
