// The map puts each place where the gazetteer says it is: the circles' centres are the projection of
// the gazetteer's longitude and latitude, with the same projection the renderer uses.
import { suggestPlaces } from './gazetteer.js';
import { MAP_HEIGHT, MAP_WIDTH, mapProjection, renderMapSvg, type MapPlace } from './map.js';

const place = (name: Record<string, string>, role: MapPlace['role'], totals: Record<string, string> = {}): MapPlace => {
  const [s] = suggestPlaces(name, 'UA');
  return { key: s.name.toLowerCase(), label: s.name, role, lon: s.lon, lat: s.lat, source: 'gazetteer', deliveries: 1, totals };
};

it('suggests the GeoNames coordinates of Vinnytsia, Mykolaiv and Zhytomyr', () => {
  expect(suggestPlaces({ en: 'Vinnytsia', uk: 'Вінниця' }, 'UA')[0]).toMatchObject({ name: 'Vinnytsia', lon: 28.48097, lat: 49.23278 });
  // The city of half a million, not the town of the same romanisation near Lviv.
  expect(suggestPlaces({ en: 'Mykolaiv' }, 'UA')[0]).toMatchObject({ name: 'Mykolayiv', lon: 31.9974, lat: 46.96591 });
  expect(suggestPlaces({ de: 'Schytomyr', en: 'Zhytomyr' }, 'UA')[0]).toMatchObject({ name: 'Zhytomyr', lon: 28.67669, lat: 50.26487 });
  expect(suggestPlaces('Nowhere-in-particular')).toEqual([]);
});

it('draws each place at the projection of its coordinates, sized by value', () => {
  const places = [
    place({ en: 'Zhytomyr' }, 'partner'),
    place({ en: 'Vinnytsia' }, 'receiver', { EUR: '125000.00' }),
    place({ en: 'Mykolaiv' }, 'receiver', { EUR: '140000.00' }),
  ];
  const svg = renderMapSvg(places, { title: 'Map <of> places', description: 'd' }).value;
  const projection = mapProjection(places);
  const circles = [...svg.matchAll(/data-key="([^"]+)"\s*>\s*<circle\s+cx="([\d.]+)"\s+cy="([\d.]+)"\s+r="([\d.]+)"/g)].map((m) => ({
    key: m[1],
    x: Number(m[2]),
    y: Number(m[3]),
    r: Number(m[4]),
  }));
  expect(circles.map((c) => c.key).sort()).toEqual(['mykolayiv', 'vinnytsia', 'zhytomyr']);
  for (const p of places) {
    const c = circles.find((x) => x.key === p.key)!;
    const [x, y] = projection([p.lon, p.lat])!;
    expect(Math.abs(c.x - x)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(c.y - y)).toBeLessThanOrEqual(0.05);
    expect(c.x).toBeGreaterThan(0);
    expect(c.x).toBeLessThan(MAP_WIDTH);
    expect(c.y).toBeLessThan(MAP_HEIGHT);
  }
  // Mykolaiv received more, so its circle is larger; the partner city without aid is smallest.
  const r = Object.fromEntries(circles.map((c) => [c.key, c.r]));
  expect(r.mykolayiv).toBeGreaterThan(r.vinnytsia);
  expect(r.vinnytsia).toBeGreaterThan(r.zhytomyr);
  // Vinnytsia lies west of Zhytomyr's longitude and south of it.
  const at = Object.fromEntries(circles.map((c) => [c.key, c]));
  expect(at.vinnytsia.x).toBeLessThan(at.zhytomyr.x);
  expect(at.vinnytsia.y).toBeGreaterThan(at.zhytomyr.y);
  // Text is escaped; country shapes are drawn.
  expect(svg).toContain('Map &lt;of&gt; places');
  expect((svg.match(/<path d="M/g) ?? []).length).toBeGreaterThan(5);
});
