/**
 * Rows a form adds and removes (a package's lines, a priority list's ranks): each has a key of its own, so React keeps
 * what was typed in a row when another is removed, while the controls are named by position (`lines[2].quantity`),
 * as the API names them.
 */
import { useCallback, useRef, useState } from 'react';

export interface Row<T> {
  readonly key: number;
  readonly value: T;
}

export interface Rows<T> {
  readonly rows: readonly Row<T>[];
  add(value: T): void;
  remove(key: number): void;
  /** Moves a row up (-1) or down (+1). */
  move(key: number, by: -1 | 1): void;
  update(key: number, value: T): void;
  reset(values: readonly T[]): void;
}

export function useRows<T>(initial: readonly T[]): Rows<T> {
  const next = useRef(0);
  const make = useCallback((value: T): Row<T> => {
    next.current += 1;
    return { key: next.current, value };
  }, []);
  const [rows, setRows] = useState<readonly Row<T>[]>(() => initial.map(make));
  return {
    rows,
    add: (value) => setRows((current) => [...current, make(value)]),
    remove: (key) => setRows((current) => current.filter((row) => row.key !== key)),
    move: (key, by) =>
      setRows((current) => {
        const index = current.findIndex((row) => row.key === key);
        const target = index + by;
        const moving = current[index];
        const other = current[target];
        if (index < 0 || !moving || !other) return current;
        const out = [...current];
        out[index] = other;
        out[target] = moving;
        return out;
      }),
    update: (key, value) => setRows((current) => current.map((row) => (row.key === key ? { key, value } : row))),
    reset: (values) => setRows(values.map(make)),
  };
}
