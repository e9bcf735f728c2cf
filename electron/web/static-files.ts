import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { cacheControlFor, mimeTypeOf, resolveInside } from '../services/renderer-files';
import { applySecurityHeaders, sendPlain } from './security-headers';

/** Serves the built renderer: index.html for `/`, real files by MIME type, 404 for anything else. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = resolveInside(root, urlPath);
  if (!file) return sendPlain(res, 404, 'Not found.');
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return sendPlain(res, 404, 'Not found.');
    // A symbolic link inside the folder must not lead out of it either.
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!realFile.startsWith(realRoot + sep)) return sendPlain(res, 404, 'Not found.');
    size = info.size;
  } catch {
    const isIndex = urlPath === '/';
    return sendPlain(res, 404, isIndex ? 'The console is not built yet: run `npm run build`, then open the host again.' : 'Not found.');
  }
  applySecurityHeaders(res);
  res.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Content-Length': String(size), 'Cache-Control': cacheControlFor(file) });
  if (req.method === 'HEAD') return void res.end();
  try {
    await pipeline(createReadStream(file), res);
  } catch {
    // The page went away mid-file, or the file vanished: nothing to answer any more.
    res.destroy();
  }
}
