import { billableMinutes } from './usage-ledger';

describe('billableMinutes', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 9) + seconds * 1000);

  it('rounds each started minute up, as invoices count them', () => {
    expect(billableMinutes(at(0), at(0))).toBe(0);
    expect(billableMinutes(at(0), at(1))).toBe(1);
    expect(billableMinutes(at(0), at(60))).toBe(1);
    expect(billableMinutes(at(0), at(61))).toBe(2);
    expect(billableMinutes(at(0), at(185))).toBe(4);
  });

  it('never counts negative minutes', () => {
    expect(billableMinutes(at(60), at(0))).toBe(0);
  });
});
