// The frame of every public page: language, skip link, header with the language switch, footer.
import type { DisplayLanguage } from '../partnerships/domain/index.js';
import { html, type Html } from './html.js';
import { LANGUAGES, wordsFor, type Say } from './words.js';

export interface Frame {
  say: Say;
  title: string;
  /** the page's address without ?lang, for the language links */
  path: string;
  /** other query parameters to keep when switching language */
  query?: Record<string, string | undefined>;
  /** languages the organisation offers */
  languages: readonly DisplayLanguage[];
  orgName: string;
  feed?: string;
}

/** An address with ?lang= and the given parameters (empty ones left out). */
export function href(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return q ? `${path}?${q}` : path;
}

export function layout(f: Frame, main: Html): Html {
  const { say } = f;
  return html`<!doctype html>
    <html lang="${say.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${f.title} – ${f.orgName}</title>
        <link rel="stylesheet" href="/web/public.css" />
        ${f.feed ? html`<link rel="alternate" type="application/atom+xml" title="${say.w.feed}" href="${f.feed}" />` : ''}
        ${f.languages
          .filter((l) => l !== say.lang)
          .map((l) => html`<link rel="alternate" hreflang="${l}" href="${href(f.path, { ...f.query, lang: l })}" />`)}
      </head>
      <body>
        <a class="skip" href="#main">${say.w.skip}</a>
        <header>
          <p class="org">${f.orgName} · ${say.w.publicPages}</p>
          <nav aria-label="${say.w.language}">
            <ul class="langs">
              ${f.languages.map((l) =>
                l === say.lang
                  ? html`<li><span aria-current="true" lang="${l}">${wordsFor(l).w.languageName}</span></li>`
                  : html`<li>
                      <a href="${href(f.path, { ...f.query, lang: l })}" lang="${l}" hreflang="${l}">${wordsFor(l).w.languageName}</a>
                    </li>`,
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${main}</main>
        <footer><p>${say.w.published.replace('{org}', f.orgName)}</p></footer>
      </body>
    </html> `;
}

/** The organisation's languages that the pages speak, in its order (English when none is). */
export function pageLanguages(orgLanguages: readonly string[]): DisplayLanguage[] {
  const ours = orgLanguages.filter((l): l is DisplayLanguage => (LANGUAGES as string[]).includes(l));
  return ours.length ? ours : ['en'];
}
