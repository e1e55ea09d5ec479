import { Transform, TransformCallback } from 'node:stream';

/**
 * Counts the bytes on their way to the store and fails the stream when they disagree with the length
 * the caller declared: a short or long source must never be stored as if it were complete.
 *
 * The chunk that completes the declared length is held back until the source has really ended. A store
 * that has received all declared bytes may commit the object, so releasing it earlier would let a
 * source that then errors or runs long leave a "complete" object behind.
 */
export class LengthGuard extends Transform {
  bytes = 0;
  private last?: Buffer;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected === undefined) return callback(null, chunk);
    if (this.bytes > this.expected) return callback(new Error(`Source is longer than the declared ${this.expected} bytes`));
    if (this.bytes === this.expected) this.last = chunk;
    else this.push(chunk);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected) {
      return callback(new Error(`Source ended after ${this.bytes} of the declared ${this.expected} bytes`));
    }
    callback(null, this.last);
  }
}
