import { header, type StandinRequest } from './reply.ts';

export interface IncomingFile {
  body: Buffer;
  mimetype: string;
  cacheControl: string;
}

/**
 * The file of an upload, as Storage's Uploader reads it (src/storage/uploader.ts,
 * `incomingFileInfo`): the first file of a multipart/form-data body (storage-js
 * sends a Blob that way, so the Blob's own type is the object's type, and a
 * `cacheControl` field), or else the raw body with its Content-Type and
 * Cache-Control headers (storage-js sends a Buffer / Uint8Array that way).
 */
export async function incomingFile(request: StandinRequest): Promise<IncomingFile | undefined> {
  const contentType = header(request, 'content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return {
      body: request.body,
      mimetype: contentType || 'application/octet-stream',
      cacheControl: header(request, 'cache-control') ?? 'no-cache',
    };
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined; // a malformed form: Storage answers "No file provided" / "Unexpected empty file received"
  }
  const file = [...form.values()].find((value): value is File => typeof value !== 'string');
  if (!file) return undefined;
  const cacheTime = form.get('cacheControl');
  return {
    body: Buffer.from(await file.arrayBuffer()),
    mimetype: file.type || 'application/octet-stream',
    cacheControl: typeof cacheTime === 'string' && cacheTime ? `max-age=${cacheTime}` : 'no-cache',
  };
}
