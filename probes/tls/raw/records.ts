// TLS record framing: wrapping a message into records, and a reader that turns a byte stream
// (split anywhere by TCP) into whole handshake messages, alerts and other records.
import { contentTypes } from './types.ts';

export type TlsEvent =
  | { kind: 'handshake'; type: number; body: Buffer }
  | { kind: 'alert'; level: number; description: number }
  | { kind: 'heartbeat'; fragment: Buffer }
  | { kind: 'record'; contentType: number; fragment: Buffer }
  | { kind: 'invalid'; reason: string };

const maxFragment = 16384 + 2048; // RFC 5246 §6.2.3: TLSCiphertext may exceed 2^14 by 2048

export function encodeRecord(contentType: number, version: number, fragment: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(contentType, 0);
  header.writeUInt16BE(version, 1);
  header.writeUInt16BE(fragment.length, 3);
  return Buffer.concat([header, fragment]);
}

export function encodeHandshake(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt8(type, 0);
  header.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([header, body]);
}

/** Incremental reader: feed it chunks, get the events that are now complete. */
export class RecordReader {
  #pending = Buffer.alloc(0);
  #handshake = Buffer.alloc(0);
  #broken = false;

  feed(chunk: Buffer): TlsEvent[] {
    if (this.#broken) return [];
    this.#pending = Buffer.concat([this.#pending, chunk]);
    const events: TlsEvent[] = [];
    while (this.#pending.length >= 5) {
      const type = this.#pending.readUInt8(0);
      const major = this.#pending.readUInt8(1);
      const length = this.#pending.readUInt16BE(3);
      if (type < 20 || type > 24 || major !== 3 || length > maxFragment) {
        this.#broken = true;
        events.push({ kind: 'invalid', reason: `not a TLS record (bytes ${this.#pending.subarray(0, 5).toString('hex')})` });
        return events;
      }
      if (this.#pending.length < 5 + length) break;
      const fragment = this.#pending.subarray(5, 5 + length);
      this.#pending = this.#pending.subarray(5 + length);
      events.push(...this.#record(type, fragment));
    }
    return events;
  }

  #record(type: number, fragment: Buffer): TlsEvent[] {
    if (type === contentTypes.handshake) return this.#handshakeMessages(fragment);
    if (type === contentTypes.alert && fragment.length >= 2) {
      return [{ kind: 'alert', level: fragment.readUInt8(0), description: fragment.readUInt8(1) }];
    }
    if (type === contentTypes.heartbeat) return [{ kind: 'heartbeat', fragment: Buffer.from(fragment) }];
    return [{ kind: 'record', contentType: type, fragment: Buffer.from(fragment) }];
  }

  #handshakeMessages(fragment: Buffer): TlsEvent[] {
    this.#handshake = Buffer.concat([this.#handshake, fragment]);
    const events: TlsEvent[] = [];
    while (this.#handshake.length >= 4) {
      const length = this.#handshake.readUIntBE(1, 3);
      if (this.#handshake.length < 4 + length) break;
      events.push({ kind: 'handshake', type: this.#handshake.readUInt8(0), body: Buffer.from(this.#handshake.subarray(4, 4 + length)) });
      this.#handshake = this.#handshake.subarray(4 + length);
    }
    return events;
  }
}
