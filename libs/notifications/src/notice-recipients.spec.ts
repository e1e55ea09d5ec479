import { emailsFor, endpointWants, resolveSettings } from './notice-recipients';
import { summaryOf } from './notice-text';

describe('notice recipients', () => {
  it('out of the box the contact email hears of new messages only, with no content anywhere', () => {
    const settings = resolveSettings(null, 'Office@Acme.example');
    expect(emailsFor(settings, 'message.new', false)).toEqual(['office@acme.example']);
    expect(emailsFor(settings, 'recording.stored', false)).toEqual([]);
    expect(settings).toMatchObject({ webhookIncludesContent: false, emailIncludesContent: false, escalationMinutes: null, dailySummary: false });
    expect(emailsFor(resolveSettings(null, null), 'message.new', true)).toEqual([]);
  });

  it('an empty recipient list turns email off; urgentOnly recipients hear of urgent messages only', () => {
    expect(emailsFor(resolveSettings({ emailRecipients: [] }, 'office@acme.example'), 'message.new', true)).toEqual([]);
    const settings = resolveSettings(
      { emailRecipients: [{ address: 'a@x.test', events: ['message.new'] }, { address: 'b@x.test', events: ['message.new'], urgentOnly: true }, { address: 'a@x.test', events: ['message.new'] }] },
      null,
    );
    expect(emailsFor(settings, 'message.new', false)).toEqual(['a@x.test']);
    expect(emailsFor(settings, 'message.new', true)).toEqual(['a@x.test', 'b@x.test']);
  });

  it('an endpoint without events receives every event', () => {
    expect(endpointWants(null, 'breach.notice')).toBe(true);
    expect(endpointWants(['message.new'], 'breach.notice')).toBe(false);
  });
});

describe('notice text', () => {
  it('names the client business and counts, never a caller', () => {
    expect(summaryOf('message.new', 'Acme Plumbing', { count: 2, urgentCount: 1, messageIds: ['a', 'b'] })).toBe('2 new messages for Acme Plumbing (1 urgent) — sign in to read');
    expect(summaryOf('message.new', 'Acme Plumbing', { count: 1, urgentCount: 0 })).toBe('1 new message for Acme Plumbing — sign in to read');
    expect(summaryOf('recordings.deleted', 'Acme Plumbing', { count: 3 })).toBe('3 recordings of Acme Plumbing deleted after their delivery');
  });
});
