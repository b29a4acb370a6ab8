// The pure parts of calendar subscriptions: the addresses handed out and what the logs keep of them.
import { redactToken, subscriptionUrls } from './feed-tokens.js';

it('hands out an https and a webcal address of the iCalendar feed', () => {
  expect(subscriptionUrls('https://ledger.example.org/pl', 'plf_a-b_c')).toEqual({
    url: 'https://ledger.example.org/pl/api/v1/calendar.ics?token=plf_a-b_c',
    webcal: 'webcal://ledger.example.org/pl/api/v1/calendar.ics?token=plf_a-b_c',
  });
});

it('keeps the token out of logged URLs, wherever it stands in the query', () => {
  expect(redactToken('/api/v1/calendar.ics?token=plf_secret')).toBe('/api/v1/calendar.ics?token=[redacted]');
  expect(redactToken('/api/v1/calendar.ics?from=2025-01-01&token=plf_secret&days=30')).toBe(
    '/api/v1/calendar.ics?from=2025-01-01&token=[redacted]&days=30',
  );
  expect(redactToken('/api/v1/calendar?partnershipId=x')).toBe('/api/v1/calendar?partnershipId=x');
});
