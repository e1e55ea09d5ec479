/*
 * Which audio a body holds, decided by its leading bytes ("magic numbers"), never by the header alone.
 * The formats a phone system or an agent console produces: WAV (RIFF/WAVE), MP3 (ID3 tag or an MPEG
 * audio frame sync), OGG (Opus or Vorbis, 'OggS') and M4A/MP4 audio (ISO BMFF 'ftyp' box).
 */

export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'm4a';

/** Bytes needed to tell every format apart (RIFF....WAVE is the longest signature). */
export const SNIFF_BYTES = 12;

/** The Content-Type stored and served for each format. */
export const CANONICAL_CONTENT_TYPE: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
};

/** Declared types and the format each one promises; application/octet-stream promises nothing. */
const DECLARED: Record<string, AudioFormat | 'any'> = {
  'application/octet-stream': 'any',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/vorbis': 'ogg',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'm4a',
};

/** The media type without parameters, lower-cased ('Audio/WAV; codecs=1' → 'audio/wav'). */
export function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

/** What a Content-Type promises; undefined when it is not an accepted audio type. */
export function declaredFormat(contentType: string | undefined): AudioFormat | 'any' | undefined {
  const type = mediaType(contentType);
  return type ? DECLARED[type] : undefined;
}

/** The format whose signature `head` starts with, or undefined. `head` may be shorter than SNIFF_BYTES at the end of a tiny body. */
export function sniffAudio(head: Buffer): AudioFormat | undefined {
  const ascii = (start: number, text: string) => head.length >= start + text.length && head.toString('latin1', start, start + text.length) === text;
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(4, 'ftyp')) return 'm4a';
  if (ascii(0, 'ID3')) return 'mp3';
  // MPEG audio frame header: 11 sync bits, then a version other than "reserved" (01) and a layer
  // other than "reserved" (00). ADTS AAC shares the sync but has layer 00, so it is not taken for MP3.
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x18) !== 0x08 && (head[1] & 0x06) !== 0) return 'mp3';
  return undefined;
}
