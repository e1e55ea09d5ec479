import { addCalendarMonths, addWorkingDays, daysLeft } from './deadlines';

describe('deadlines', () => {
  it('one calendar month keeps the day of month, or takes the last day of a shorter month', () => {
    expect(addCalendarMonths(new Date('2026-03-14T09:30:00Z'), 1).toISOString()).toBe('2026-04-14T09:30:00.000Z');
    expect(addCalendarMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(addCalendarMonths(new Date('2028-01-31T12:00:00Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(addCalendarMonths(new Date('2026-11-30T00:00:00Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addCalendarMonths(new Date('2026-12-15T00:00:00Z'), 1).toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });

  it('ten working days skip weekends', () => {
    // Monday 2 March 2026 + 10 working days = Monday 16 March.
    expect(addWorkingDays(new Date('2026-03-02T10:00:00Z'), 10).toISOString()).toBe('2026-03-16T10:00:00.000Z');
    // Friday 6 March + 10 working days = Friday 20 March.
    expect(addWorkingDays(new Date('2026-03-06T10:00:00Z'), 10).toISOString()).toBe('2026-03-20T10:00:00.000Z');
    // Saturday 7 March: counting starts Monday, so 10 working days end Friday 20 March.
    expect(addWorkingDays(new Date('2026-03-07T10:00:00Z'), 10).toISOString()).toBe('2026-03-20T10:00:00.000Z');
  });

  it('days left round up, and go negative once overdue', () => {
    const due = new Date('2026-03-10T12:00:00Z');
    expect(daysLeft(due, new Date('2026-03-08T13:00:00Z'))).toBe(2);
    expect(daysLeft(due, new Date('2026-03-10T12:00:00Z'))).toBe(0);
    expect(daysLeft(due, new Date('2026-03-10T13:00:00Z'))).toBe(-1);
    expect(daysLeft(due, new Date('2026-03-12T13:00:00Z'))).toBe(-3);
  });
});
