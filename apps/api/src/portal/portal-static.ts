import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Client-side pages live under /portal; / opens the portal too. Everything else is the API's. */
const PORTAL_PAGE = /^\/(?:portal(?:\/.*)?)?$/;
/** Vite's output: hashed file names under /assets, plus the icon. */
const PORTAL_FILE = /^\/(?:assets\/[A-Za-z0-9._-]+|favicon\.svg)$/;
const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * Serves the built portal: its files (hashed, so cached for a year) and index.html for the portal's
 * own pages. Any other path falls through to the API, which answers unknown ones with a JSON 404.
 */
export function portalMiddleware(portalDir: string): RequestHandler {
  const indexFile = join(portalDir, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile) : null;
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (PORTAL_FILE.test(request.path) && index) {
      // `root` confines the path to the portal's directory; a missing file falls through to the 404.
      response.sendFile(request.path.slice(1), { root: portalDir, maxAge: YEAR_MS, immutable: true, dotfiles: 'deny' }, (error) => error && next());
      return;
    }
    if (!PORTAL_PAGE.test(request.path)) return next();
    if (!index) {
      response.status(503).type('text/plain').send('The portal is not built: run `npm run build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(index);
  };
}
