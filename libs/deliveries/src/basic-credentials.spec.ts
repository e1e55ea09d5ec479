import { parseBasicCredentials } from './basic-credentials';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicCredentials', () => {
  it('reads id and password, the password keeping any colons', () => {
    expect(parseBasicCredentials(basic('id-1:K7Q2-9XMD:x'))).toEqual({ user: 'id-1', password: 'K7Q2-9XMD:x' });
    expect(parseBasicCredentials(`bAsIc   ${Buffer.from('a:b').toString('base64')}`)).toEqual({ user: 'a', password: 'b' });
  });

  it.each([undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', basic('no-colon'), basic('id:'), basic('id:   '), basic(':pw')])(
    'treats %j as no credential',
    (header) => expect(parseBasicCredentials(header)).toBeNull(),
  );
});
