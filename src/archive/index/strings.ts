// The strings of a whole index, kept as the parts brought them: one UTF-8
// buffer per part (transferred from its worker, never copied) and where each
// string starts and ends in it. A string is decoded only when asked for;
// comparing two is a native comparison of their bytes.

export class StringTable {
  private readonly buffers: Buffer[] = [];
  private part = new Uint16Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  count = 0;

  /** Room for `n` strings in all, at once (rather than by doubling). */
  expect(n: number): void {
    this.grow(n);
  }

  /** A part's strings (UTF-8, one after another) and each one's end offset; returns the id of its first string. */
  add(bytes: Uint8Array, ends: Int32Array): number {
    const base = this.count;
    const p = this.buffers.length;
    this.buffers.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.grow(base + ends.length);
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      this.part[base + i] = p;
      this.start[base + i] = from;
      from = this.end[base + i] = ends[i]!;
    }
    this.count = base + ends.length;
    return base;
  }

  private grow(n: number): void {
    if (n <= this.part.length) return;
    const size = Math.max(n, this.part.length * 2);
    const part = new Uint16Array(size);
    part.set(this.part);
    const start = new Int32Array(size);
    start.set(this.start);
    const end = new Int32Array(size);
    end.set(this.end);
    [this.part, this.start, this.end] = [part, start, end];
  }

  get(id: number): string {
    return this.buffers[this.part[id]!]!.toString("utf8", this.start[id]!, this.end[id]!);
  }

  /** In bytes: 0 only for the empty string. */
  length(id: number): number {
    return this.end[id]! - this.start[id]!;
  }

  equal(a: number, b: number): boolean {
    if (this.length(a) !== this.length(b)) return false;
    const other = this.buffers[this.part[b]!]!;
    return this.buffers[this.part[a]!]!.compare(other, this.start[b]!, this.end[b]!, this.start[a]!, this.end[a]!) === 0;
  }

  equalTo(id: number, s: string): boolean {
    return this.length(id) === Buffer.byteLength(s, "utf8") && this.get(id) === s;
  }
}

/** FNV-1a over the UTF-16 code units of `s`. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Ids by a 32-bit hash: open addressing, linear probing, at most half full; one hash may hold several ids. */
export class HashTable {
  private slots = new Int32Array(4096).fill(-1);
  private hashes = new Int32Array(4096);
  private count = 0;

  /** Room for `n` ids in all, at once (rather than by doubling). */
  expect(n: number): void {
    while (n * 2 > this.slots.length) this.rehash();
  }

  insert(id: number, hash: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = id;
    this.hashes[slot] = hash;
    this.count++;
  }

  private rehash(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    this.hashes = new Int32Array(slots.length * 2);
    this.count = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== -1) this.insert(slots[i]!, hashes[i]!);
  }

  /** The first id with `hash` for which `same(id, arg)` holds, or -1 (`same` need not be a fresh closure). */
  findBy<T>(hash: number, same: (id: number, arg: T) => boolean, arg: T): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.hashes[slot] === hash && same(id, arg)) return id;
    }
  }

  /** The first id with `hash` that passes `same`, or -1. */
  find(hash: number, same: (id: number) => boolean): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.hashes[slot] === hash && same(id)) return id;
    }
  }

  /** Every id with `hash` that passes `same`. */
  findAll(hash: number, same: (id: number) => boolean): number[] {
    const out: number[] = [];
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== -1; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash && same(this.slots[slot]!)) out.push(this.slots[slot]!);
    }
    return out;
  }
}
