import { checkCustomFields, checkStandardFields } from './intake-rules';

describe('intake rules shared by the API and the agent console', () => {
  const fields = [
    { name: 'account_number', type: 'string' as const, required: true },
    { name: 'visit_on', type: 'date' as const, required: false },
  ];

  it('reports each problem with its field path and drops empty optional answers', () => {
    expect(checkCustomFields(fields, { visit_on: 'tomorrow', extra: 1 }).problems).toEqual([
      { field: 'customFields.extra', message: "customFields.extra is not a field of this client's intake script" },
      { field: 'customFields.account_number', message: 'customFields.account_number is required' },
      { field: 'customFields.visit_on', message: 'customFields.visit_on must be an ISO 8601 date' },
    ]);
    expect(checkCustomFields(fields, { account_number: 'A1', visit_on: '' })).toEqual({ clean: { account_number: 'A1' }, problems: [] });
  });

  it('checks the standard fields with the limits the DTO uses', () => {
    expect(checkStandardFields({ callerName: 'Jane', callerPhone: '+44 20 7946 0018', body: 'Hello' })).toEqual([]);
    expect(checkStandardFields({ callerName: '', callerPhone: 'call me', callerEmail: 'nope', body: 'x'.repeat(10001) }).map((p) => p.field)).toEqual([
      'callerName',
      'callerPhone',
      'callerEmail',
      'body',
    ]);
  });
});
