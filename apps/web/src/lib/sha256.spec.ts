import { createHash, randomBytes } from 'node:crypto';
import { Sha256 } from './sha256';

describe('the portal\'s incremental SHA-256', () => {
  it('matches Node\'s for the standard vectors and every padding boundary', () => {
    expect(new Sha256().update(new Uint8Array()).hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let length = 0; length <= 200; length++) {
      const data = randomBytes(length);
      expect(new Sha256().update(data).hex()).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('gives the same digest however the input is cut into chunks', () => {
    const data = randomBytes(1_000_003);
    const expected = createHash('sha256').update(data).digest('hex');
    for (const size of [1, 7, 63, 64, 65, 4096, 65_536, 333_333]) {
      const hash = new Sha256();
      for (let offset = 0; offset < data.length; offset += size) hash.update(data.subarray(offset, offset + size));
      expect(hash.hex()).toBe(expected);
    }
  });
});
