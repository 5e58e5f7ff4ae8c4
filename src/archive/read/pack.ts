// Records travel from a worker as one JSON string: JSON.parse builds plain
// arrays far faster than the structured-clone reader. Front matter values
// JSON cannot carry exactly (dates, NaN, undefined) travel beside it, cloned.

import type { FileRecord } from "./record.js";

export interface PackedRecords {
  index: number;
  json: string;
  /** [record index, front matter data] for the records that have any. */
  data: [number, unknown][];
}

const EVENT = 1;
const FRONT_MATTER = 5;

export function packRecords(index: number, records: FileRecord[]): PackedRecords {
  const data: [number, unknown][] = [];
  const plain = records.map((rec, i) => {
    const fm = rec[0] === EVENT ? (rec[FRONT_MATTER] as unknown[] | null) : null;
    if (!fm || fm[2] === null) return rec;
    data.push([i, fm[2]]);
    const copy = rec.slice();
    copy[FRONT_MATTER] = [fm[0], fm[1], null];
    return copy;
  });
  return { index, json: JSON.stringify(plain), data };
}

export function unpackRecords(packed: PackedRecords): FileRecord[] {
  const records = JSON.parse(packed.json) as FileRecord[];
  for (const [i, value] of packed.data) (records[i]![FRONT_MATTER] as unknown[])[2] = value;
  return records;
}
