import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, webhookHeaders } from './webhook-signing.js';

describe('webhook signatures', () => {
  it('verify with the standardwebhooks reference library, with either secret during a rotation', () => {
    const [current, previous, other] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
    const body = JSON.stringify({ type: 'CouncilDecided', data: { streamId: 'dortmund-zhytomyr' } });
    const headers = webhookHeaders([current, previous], 'msg_1', Math.floor(Date.now() / 1000), body);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(body.replace('zhytomyr', 'vinnytsia'), headers)).toThrow();
  });
});
