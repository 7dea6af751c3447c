import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { isValidKey, type BlobStore } from './blob-store.ts';
import { resolveCaller } from './caller.ts';
import { incomingFile } from './incoming-file.ts';
import type { Claims, JwtService } from './jwt.ts';
import { bearer, bytes, header, json, jsonBody, type Reply, type StandinRequest } from './reply.ts';
import { headersJson, withRequestTransaction } from './request-transaction.ts';
import { storageError, storageErrors, storageJwtError, storageSqlError } from './storage-errors.ts';

export interface StorageContext {
  pool: pg.Pool;
  jwt: JwtService;
  blobs: BlobStore;
}

interface Caller {
  role: string;
  claims: Claims;
}

/** What the object routes (src/http/routes/object/*) need from one request. */
interface ObjectRequest {
  context: StorageContext;
  request: StandinRequest;
  caller: Caller;
  bucket: string;
  key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/storage/v1/object/*`: upload (POST, `x-upsert`), update (PUT), download
 * (GET, also `/object/authenticated/…` and `/object/public/…` for public
 * buckets), remove (DELETE `/object/<bucket>` with `{ prefixes }`, or one key).
 * Every read and write of `storage.objects` runs as the caller's role with the
 * caller's claims, so the bucket's RLS policies decide, as in Storage
 * (https://supabase.com/docs/guides/storage/security/access-control).
 */
export async function handleStorage(context: StorageContext, request: StandinRequest): Promise<Reply> {
  const segments = decodeSegments(request.url.pathname.replace(/^\/storage\/v1\/object\/?/, ''));
  if (!segments) return storageErrors.invalidKey(request.url.pathname);
  const method = request.method;
  let isPublic = false;
  if ((method === 'GET' || method === 'HEAD') && (segments[0] === 'authenticated' || segments[0] === 'public')) {
    isPublic = segments.shift() === 'public';
  }
  const [bucket = '', ...rest] = segments;
  const key = rest.join('/');
  if (!/^[\w!.*'() &$@=;:+,?-]+$/.test(bucket) || bucket === '.' || bucket === '..') return storageErrors.noSuchBucket();

  const verified = await resolveCaller(request, context.jwt);
  if (!verified.ok && !isPublic) return storageJwtError(verified);
  const caller = verified.ok ? { role: verified.role, claims: verified.claims } : { role: 'anon', claims: { role: 'anon' } };

  const object: ObjectRequest = { context, request, caller, bucket, key };
  if (!isValidKey(key) && !(method === 'DELETE' && key === '')) return storageErrors.invalidKey(key);
  try {
    switch (method) {
      case 'POST':
        return await upload(object, header(request, 'x-upsert') === 'true');
      case 'PUT':
        return await upload(object, true); // Storage's update route overwrites with upsert semantics
      case 'GET':
      case 'HEAD':
        return await (isPublic ? downloadPublic(object) : download(object));
      case 'DELETE':
        return await (key === '' ? removeObjects(object) : removeObject(object));
      default:
        return storageError(404, 'NotFound', `Route ${method}:${request.url.pathname} not found`, 'Not Found');
    }
  } catch (error) {
    if (error instanceof pg.DatabaseError) return storageSqlError(error);
    throw error;
  }
}

async function upload(object: ObjectRequest, upsert: boolean): Promise<Reply> {
  const { context, request, caller, bucket, key } = object;
  const { rows } = await context.pool.query<{ bucket: Record<string, unknown> }>(
    'select to_jsonb(b) as bucket from storage.buckets b where b.id = $1',
    [bucket],
  );
  const bucketRow = rows[0]?.bucket;
  if (!bucketRow) return storageErrors.noSuchBucket();
  const file = await incomingFile(request);
  if (!file) return storageErrors.invalidRequest('No file provided');
  const sizeLimit = Number(bucketRow.file_size_limit ?? Infinity);
  if (file.body.length > sizeLimit) return storageErrors.entityTooLarge();
  const allowed = bucketRow.allowed_mime_types as string[] | null | undefined;
  if (allowed?.length && !allowed.some((a) => a === file.mimetype || (a.endsWith('/*') && file.mimetype.startsWith(a.slice(0, -1))))) {
    return storageErrors.invalidMimeType(file.mimetype);
  }

  const metadata = {
    eTag: `"${createHash('md5').update(file.body).digest('hex')}"`,
    size: file.body.length,
    mimetype: file.mimetype,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.body.length,
    httpStatusCode: 200,
  };
  const sub = typeof caller.claims.sub === 'string' ? caller.claims.sub : null;
  const staged = await context.blobs.stage(file.body);
  try {
    const id = await asCaller(object, upsert ? 'storage.object.upload_upsert' : 'storage.object.upload', async (client) => {
      const conflict = upsert
        ? 'on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata, updated_at = now()'
        : '';
      const result = await client.query<{ id: string }>(
        `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata)
         values ($1, $2, $3, $4, $5, $6) ${conflict} returning id`,
        [randomUUID(), bucket, key, sub && UUID.test(sub) ? sub : null, sub, JSON.stringify(metadata)],
      );
      return result.rows[0]!.id;
    });
    await context.blobs.publish(staged, bucket, key);
    return json(200, { Id: id, Key: `${bucket}/${key}` });
  } catch (error) {
    await context.blobs.discard(staged);
    throw error;
  }
}

async function download(object: ObjectRequest): Promise<Reply> {
  const { context, bucket, key } = object;
  const found = await asCaller(object, 'storage.object.get_authenticated', async (client) => {
    const result = await client.query<{ metadata: Record<string, unknown> | null }>(
      'select metadata from storage.objects where bucket_id = $1 and name = $2',
      [bucket, key],
    );
    return result.rows[0];
  });
  if (!found) return storageErrors.noSuchKey();
  return sendObject(context, object, found.metadata ?? {});
}

/** `/object/public/<bucket>/<key>`: no RLS, but only for buckets marked public. */
async function downloadPublic(object: ObjectRequest): Promise<Reply> {
  const { rows } = await object.context.pool.query<{ metadata: Record<string, unknown> | null }>(
    `select o.metadata from storage.objects o join storage.buckets b on b.id = o.bucket_id
      where b.id = $1 and o.name = $2 and coalesce((to_jsonb(b) ->> 'public')::boolean, false)`,
    [object.bucket, object.key],
  );
  if (!rows[0]) return storageErrors.noSuchBucket();
  return sendObject(object.context, object, rows[0].metadata ?? {});
}

async function sendObject(context: StorageContext, object: ObjectRequest, metadata: Record<string, unknown>): Promise<Reply> {
  const body = await context.blobs.read(object.bucket, object.key);
  if (!body) return storageErrors.noSuchKey();
  const headers: Record<string, string> = {
    'content-type': String(metadata.mimetype ?? 'application/octet-stream'),
    'cache-control': String(metadata.cacheControl ?? 'no-cache'),
  };
  if (metadata.eTag) headers.etag = String(metadata.eTag);
  if (metadata.lastModified) headers['last-modified'] = new Date(String(metadata.lastModified)).toUTCString();
  return bytes(200, object.request.method === 'HEAD' ? Buffer.alloc(0) : body, headers);
}

/** `DELETE /object/<bucket>` `{ prefixes }`: deletes what RLS lets the caller delete, answers the deleted rows. */
async function removeObjects(object: ObjectRequest): Promise<Reply> {
  const { context, request, bucket } = object;
  let prefixes: unknown;
  try {
    prefixes = (jsonBody(request) as { prefixes?: unknown }).prefixes;
  } catch {
    return storageErrors.invalidRequest('body must be JSON');
  }
  if (!Array.isArray(prefixes) || prefixes.length < 1 || prefixes.length > 1000 || !prefixes.every((p) => typeof p === 'string')) {
    return storageErrors.invalidRequest('body/prefixes must be an array of 1 to 1000 strings');
  }
  const deleted = await asCaller(object, 'storage.object.delete_many', async (client) => {
    const result = await client.query<{ object: { name: string } }>(
      'delete from storage.objects o where o.bucket_id = $1 and o.name = any($2::text[]) returning to_jsonb(o) as object',
      [bucket, prefixes],
    );
    return result.rows.map((r) => r.object);
  });
  await Promise.all(deleted.map((o) => context.blobs.remove(bucket, o.name)));
  return json(200, deleted);
}

async function removeObject(object: ObjectRequest): Promise<Reply> {
  const deleted = await asCaller(object, 'storage.object.delete', async (client) => {
    const result = await client.query('delete from storage.objects where bucket_id = $1 and name = $2', [object.bucket, object.key]);
    return result.rowCount ?? 0;
  });
  if (deleted === 0) return storageErrors.noSuchKey();
  await object.context.blobs.remove(object.bucket, object.key);
  return json(200, { message: 'Successfully deleted' });
}

/** The caller's role and claims, set the way Storage scopes its queries (src/storage/database/knex.ts). */
function asCaller<T>(object: ObjectRequest, operation: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { request, caller } = object;
  // Storage may delete rows that plain SQL may not (migrations/tenant/0050-prevent-direct-deletes.sql).
  const deletes: Record<string, string> = operation.startsWith('storage.object.delete') ? { 'storage.allow_delete_query': 'true' } : {};
  return withRequestTransaction(object.context.pool, {
    ...deletes,
    role: caller.role,
    'request.jwt': bearer(request) ?? '',
    'request.jwt.claims': JSON.stringify(caller.claims),
    'request.jwt.claim.sub': typeof caller.claims.sub === 'string' ? caller.claims.sub : '',
    'request.jwt.claim.role': caller.role,
    'request.method': request.method,
    'request.path': request.url.pathname.replace(/^\/storage\/v1/, ''),
    'request.headers': headersJson(request),
    'storage.operation': operation,
  }, work);
}

function decodeSegments(path: string): string[] | undefined {
  try {
    return path.split('/').map(decodeURIComponent);
  } catch {
    return undefined; // malformed %-escape
  }
}
