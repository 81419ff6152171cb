// The route handlers of the app, discovered from app/ (so a test that walks them covers a new route
// the moment it exists): each file's URL pattern, a harmless URL for it, and its source.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

export type RouteFile = { pattern: string; url: string; source: string };

/** Every route.ts under app/`under` (e.g. 'api'), with placeholders for its dynamic segments. */
export function routeFiles(under = ''): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const pattern = '/' + path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/');
        const url = pattern.replace(/\[\.{3}[^\]]+\]/g, 'placeholder').replace(/\[[^\]]+\]/g, 'placeholder');
        out.push({ pattern, url, source: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(ROOT, 'app', under));
  return out;
}

/** Whether a route file exports a handler of its own for `method` (not a notAllowed() refusal). */
export const exportsMethod = (source: string, method: string) =>
  new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source);
