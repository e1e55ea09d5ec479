import { declaredFormat, sniffAudio } from './audio-format';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('audio format sniffing', () => {
  it.each([
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['mp3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0])],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['mp3', bytes([0xff, 0xf3])],
    ['ogg', bytes('OggS', [0, 2, 0, 0])],
    ['m4a', bytes([0, 0, 0, 0x20], 'ftypM4A ')],
  ])('recognises %s', (format, head) => {
    expect(sniffAudio(head)).toBe(format);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([0xff])],
    ['text', Buffer.from('hello world, not audio')],
    ['RIFF but AVI', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['PNG', bytes([0x89], 'PNG', [13, 10, 26, 10])],
    ['ADTS AAC (layer 00)', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['reserved MPEG version', bytes([0xff, 0xeb])],
  ])('refuses %s', (_name, head) => {
    expect(sniffAudio(head)).toBeUndefined();
  });

  it('reads what a Content-Type promises, ignoring case and parameters', () => {
    expect(declaredFormat('Audio/X-WAV; rate=8000')).toBe('wav');
    expect(declaredFormat('application/octet-stream')).toBe('any');
    expect(declaredFormat('audio/flac')).toBeUndefined();
    expect(declaredFormat('application/json')).toBeUndefined();
    expect(declaredFormat(undefined)).toBeUndefined();
  });
});
