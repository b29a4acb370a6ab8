// Atom feeds of public entries (the `feed` library writes and escapes the XML): one per published
// partnership and one per organisation, newest recorded first. Entry ids are the entries' event ids,
// so a reader sees a corrected entry as updated, not as new.
import { Feed } from 'feed';
import type { PublicPartnership } from './public-reads.js';
import { entryLine } from './pages.js';
import type { Say } from './words.js';

const MAX_ITEMS = 200;

export function atomFeed(
  say: Say,
  o: { id: string; title: string; link: string; self: string; orgName: string },
  partnerships: readonly PublicPartnership[],
): string {
  const items = partnerships
    .flatMap((p) => p.timeline.entries.map((e) => ({ p, e })))
    .sort((a, b) => (a.e.recordedAt < b.e.recordedAt ? 1 : a.e.recordedAt > b.e.recordedAt ? -1 : 0))
    .slice(0, MAX_ITEMS);
  const updated = items[0] ? new Date(items[0].e.recordedAt) : new Date(0);
  const feed = new Feed({
    id: o.id,
    title: o.title,
    link: o.link,
    language: say.lang,
    updated,
    generator: 'Partnership Ledger',
    feedLinks: { atom: o.self },
    author: { name: o.orgName },
    copyright: o.orgName,
  });
  for (const { p, e } of items) {
    const link = `${o.link.replace(/\/[^/]*$/, '/')}${encodeURIComponent(p.id)}?lang=${say.lang}`;
    feed.addItem({
      id: `urn:uuid:${e.eventId}`,
      title: `${say.code('event', e.type)}: ${say.date(e.occurredOn)}${partnerships.length > 1 ? ` (${say.name(p.detail.counterpart)})` : ''}`,
      link,
      date: new Date(e.recordedAt),
      description: entryLine(say, e),
    });
  }
  return feed.atom1();
}
