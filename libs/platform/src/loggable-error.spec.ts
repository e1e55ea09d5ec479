import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

const CALLER = { name: 'Philippa Quenby-Marsh', phone: '+44 7700 900123', email: 'pq.marsh@example.org' };

describe('loggableError', () => {
  it("keeps a failed query's parameters and pg's detail out of the log, and its kind, code and constraint in", () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_users_email"'), {
      code: '23505',
      constraint: 'uq_users_email',
      table: 'users',
      detail: `Key (email)=(${CALLER.email}) already exists.`,
    });
    const error = new QueryFailedError('INSERT INTO users (email, name) VALUES ($1, $2)', [CALLER.email, CALLER.name], driverError);
    const logged = JSON.stringify(loggableError(error));
    for (const value of Object.values(CALLER)) expect(logged).not.toContain(value);
    expect(loggableError(error)).toMatchObject({ type: 'QueryFailedError', code: '23505', constraint: 'uq_users_email', table: 'users', stack: expect.stringContaining('at ') });
  });

  it('drops the message of a data exception, which quotes the refused value', () => {
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${CALLER.phone}"`), { code: '22P02' });
    expect(JSON.stringify(loggableError(error))).not.toContain(CALLER.phone);
    expect(loggableError(error).message).toBe('data exception (SQLSTATE 22P02)');
  });

  it('follows causes, and says what was thrown when it is not an Error', () => {
    const error = new Error('delivery could not be consumed', { cause: Object.assign(new Error(`bad value "${CALLER.name}"`), { code: '22001' }) });
    expect(JSON.stringify(loggableError(error))).not.toContain(CALLER.name);
    expect(loggableError('boom')).toEqual({ type: 'string', message: 'a non-Error value was thrown' });
  });

  it("reads the thrown error from pino's own serialization, as pino-http passes it", () => {
    const raw = Object.assign(new Error(`invalid input syntax for type uuid: "${CALLER.phone}"`), { code: '22P02' });
    const pinoSerialized = Object.defineProperty({ type: 'Error', message: raw.message, stack: raw.stack }, 'raw', { value: raw, enumerable: false });
    expect(loggableError(pinoSerialized)).toMatchObject({ type: 'Error', message: 'data exception (SQLSTATE 22P02)', code: '22P02' });
  });
});
