import type { DataSource } from 'typeorm';
import { OpenNoticeHints } from './open-notice-hints';

describe('OpenNoticeHints', () => {
  const client = '6f1c2d9e-0000-4000-8000-000000000001';
  const at = (ms: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, 0) + ms);
  const hints = () => new OpenNoticeHints({ subscribers: [] } as unknown as DataSource);

  it('knows nothing of a client until a window is set or a join seen', () => {
    expect(hints().seemsOpen(client, at(0))).toBe(false);
  });

  it("a window this process set counts until shortly before its end, and a join near the end does not stretch it", () => {
    const h = hints();
    h.openUntil(client, at(30_000), {} as never); // no transaction: counts at once
    expect(h.seemsOpen(client, at(29_700))).toBe(true);
    expect(h.seemsOpen(client, at(29_900))).toBe(false); // inside the margin
    h.joined(client, at(29_950));
    expect(h.seemsOpen(client, at(29_960))).toBe(false);
    expect(h.seemsOpen(client, at(30_500))).toBe(false);
  });

  it('a join seen says open for a moment only, and a missed join forgets it', () => {
    const h = hints();
    h.joined(client, at(0));
    expect(h.seemsOpen(client, at(700))).toBe(true);
    expect(h.seemsOpen(client, at(900))).toBe(false);
    h.joined(client, at(1000));
    h.closed(client);
    expect(h.seemsOpen(client, at(1100))).toBe(false);
  });

  it('a window set in a transaction counts only once it commits', () => {
    const h = hints();
    const runner = { isTransactionActive: true, data: {} as Record<string, unknown> };
    h.openUntil(client, at(30_000), { queryRunner: runner } as never);
    expect(h.seemsOpen(client, at(0))).toBe(false);
    runner.isTransactionActive = false;
    h.afterTransactionCommit({ queryRunner: runner } as never);
    expect(h.seemsOpen(client, at(0))).toBe(true);
  });
});
