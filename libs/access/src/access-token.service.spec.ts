import { JwtService } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';
import type { SessionsService } from './sessions.service';

/**
 * Reading a token: its signature is checked once per process, its expiry and its session on every
 * read. The sessions register is a stand-in here (its Postgres side has its own e2e tests); the clock is faked.
 */
describe('AccessTokenService.read', () => {
  const live = new Set<string>();
  const sessions = {
    open: async (_user: string, _scope: string, id: string) => void live.add(id),
    isLive: async (id: string) => live.has(id),
  } as unknown as SessionsService;
  const service = new AccessTokenService(new JwtService({ secret: 'a-test-secret-of-enough-length', signOptions: { expiresIn: 60 } }), sessions);
  const agent = { id: '5b7c6c1e-8a7d-4a43-9a59-1c1f0f1f2a3b', role: 'agent' as const, clientId: null };

  let now = Date.parse('2026-12-02T10:00:00Z');
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('reads a token again from what it verified, but never a token with another signature', async () => {
    const { token, sessionId } = await service.issue(agent);
    expect(await service.read(token)).toMatchObject({ kind: 'user', id: agent.id, role: 'agent', sessionId });
    expect(await service.read(token)).toMatchObject({ id: agent.id, sessionId });
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await service.read(forged)).toBeNull();
  });

  it('refuses a verified token once it expires, and once its session ends', async () => {
    const first = await service.issue(agent);
    const second = await service.issue(agent);
    expect(await service.read(first.token)).not.toBeNull();
    expect(await service.read(second.token)).not.toBeNull();
    live.delete(second.sessionId);
    expect(await service.read(second.token)).toBeNull();
    now += 60_000; // the 60 s lifetime is over
    expect(await service.read(first.token)).toBeNull();
  });
});
