// The council staff's page: static files served by the service itself, so there is no second server
// to start. The page is plain ES modules calling the JSON API with the session cookie (or, where no
// identity provider is configured, the key the user typed in).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblem } from '../shared/problem.js';
import { Public } from '../shared/public.decorator.js';

/** What the page's files are served as, by extension. */
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * The files the page consists of: the scripts, styles and icons in public/ (listed once, at start);
 * nothing else is served: not index.ts, not the .d.ts files the type check reads, nothing in a folder.
 */
function assets(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const ext = /^[\w-]+\.(js|css|svg)$/.exec(name)?.[1];
    if (ext) found[name] = TYPES[ext];
  }
  return found;
}

/**
 * Where the static files are: next to this module when run from source (Jest, ts) or when the build
 * copied them (dist/src/web/public); else in the source tree seen from dist/src/web.
 */
export function publicDir(): string {
  const candidates = [new URL('./public/', import.meta.url), new URL('../../../src/web/public/', import.meta.url)].map((u) =>
    fileURLToPath(u),
  );
  const found = candidates.find((dir) => existsSync(`${dir}index.html`));
  if (!found) throw new Error(`The web page's files are missing; looked in ${candidates.join(', ')}`);
  return found;
}

export const WEB_CACHE_FILES = Symbol('WEB_CACHE_FILES');

@ApiTags('web')
@Controller()
export class WebController {
  private readonly dir = publicDir();
  private readonly assets = assets(this.dir);
  private readonly cache = new Map<string, string>();

  constructor(@Inject(WEB_CACHE_FILES) private readonly cacheFiles: boolean) {}

  private file(name: string): string {
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    const body = readFileSync(`${this.dir}${name}`, 'utf8');
    if (this.cacheFiles) this.cache.set(name, body);
    return body;
  }

  @Public()
  @Get()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  index(): string {
    return this.file('index.html');
  }

  @Public()
  @Get('web/:name')
  @ApiExcludeEndpoint()
  asset(@Param('name') name: string, @Res() res: Response): void {
    const type = Object.hasOwn(this.assets, name) ? this.assets[name] : undefined;
    if (!type) throw new ApiProblem(404, 'not_found', 'Not found', `There is no file "${name.slice(0, 100)}" in the web page.`);
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.send(this.file(name));
  }
}
