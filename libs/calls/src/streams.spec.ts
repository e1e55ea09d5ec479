import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Coalesce, PlaintextMeter, PlaintextVerifier, readHead } from './streams';

const collect = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return parts;
};

describe('stream helpers', () => {
  it('readHead peeks without losing a byte, over chunk boundaries', async () => {
    const source = new PassThrough();
    const pending = readHead(source, 12);
    source.write(Buffer.from('RIFF'));
    source.write(Buffer.from('\x24\x00\x00\x00WAVE'));
    source.end(Buffer.from('fmt rest'));
    const { head, stream } = await pending;
    expect(head.toString('latin1')).toBe('RIFF\x24\x00\x00\x00WAVE');
    expect(Buffer.concat(await collect(stream)).toString('latin1')).toBe('RIFF\x24\x00\x00\x00WAVEfmt rest');
  });

  it('readHead returns a short head for a short stream, and the stream still yields it', async () => {
    for (const body of [[], [Buffer.from([0xff])]]) {
      const { head, stream } = await readHead(Readable.from(body), 12);
      expect(head).toEqual(Buffer.concat(body));
      expect(Buffer.concat(await collect(stream))).toEqual(Buffer.concat(body));
    }
  });

  it('readHead rejects when the source fails first', async () => {
    const source = new PassThrough();
    const pending = readHead(source, 12);
    source.destroy(new Error('socket hang up'));
    await expect(pending).rejects.toThrow('socket hang up');
  });

  it('PlaintextMeter counts, hashes and stops at the limit before forwarding the excess', async () => {
    const meter = new PlaintextMeter(10, () => new Error('too large'));
    const out: Buffer[] = [];
    meter.on('data', (c) => out.push(c));
    meter.write(Buffer.alloc(6, 1));
    meter.write(Buffer.alloc(6, 2));
    await new Promise((resolve) => meter.once('error', resolve));
    expect(Buffer.concat(out)).toEqual(Buffer.alloc(6, 1));

    const ok = new PlaintextMeter(100, () => new Error('too large'));
    const done = collect(ok);
    ok.end(Buffer.from('hello'));
    await done;
    expect(ok.bytes).toBe(5);
    expect(ok.sha256).toBe(createHash('sha256').update('hello').digest('hex'));
  });

  it('PlaintextVerifier fails on a length or digest that differs from the record', async () => {
    const digest = createHash('sha256').update('hello').digest('hex');
    await expect(collect(Readable.from([Buffer.from('hello')]).pipe(new PlaintextVerifier({ size: 5, sha256: digest })))).resolves.toBeDefined();
    const wrong = new PlaintextVerifier({ size: 5, sha256: digest });
    const failed = new Promise((resolve) => wrong.once('error', resolve));
    wrong.resume();
    wrong.end(Buffer.from('hellO'));
    expect(await failed).toMatchObject({ name: 'RecordIntegrityError' });
  });

  it('Coalesce merges small writes into chunks of at least the size, keeping every byte in order', async () => {
    const coalesce = new Coalesce(100);
    const chunks: Buffer[] = [];
    coalesce.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => coalesce.once('end', resolve));
    for (let i = 0; i < 25; i++) coalesce.write(Buffer.alloc(16, i));
    coalesce.end();
    await done;
    expect(chunks.map((c) => c.length)).toEqual([112, 112, 112, 64]);
    expect(Buffer.concat(chunks)).toEqual(Buffer.concat(Array.from({ length: 25 }, (_, i) => Buffer.alloc(16, i))));
  });
});
