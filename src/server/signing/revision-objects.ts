// A read-only view of one revision of a PDF, as its parser resolves objects, and structural comparison.
import {
  type PDF,
  PdfArray,
  PdfBool,
  PdfDict,
  PdfName,
  PdfNumber,
  type PdfObject,
  PdfRef,
  PdfStream,
  PdfString,
} from '@libpdf/core';

/** What one revision says: its trailer and how it resolves a reference. */
export type ObjectSource = {
  trailer: PdfDict;
  resolve(ref: PdfRef): PdfObject | null;
};

/** The view of a loaded PDF: the objects as its newest cross-reference section resolves them. */
export function sourceOf(pdf: PDF): ObjectSource {
  return {
    trailer: pdf.context.info.trailer,
    resolve: (ref) => {
      const found = pdf.context.resolve(ref);
      return found === undefined ? null : found;
    },
  };
}

export const refKey = (ref: PdfRef): string => `${ref.objectNumber} ${ref.generation}`;

/** Follows a reference; anything else is returned as it is. */
export function deref(source: ObjectSource, value: PdfObject | undefined | null): PdfObject | undefined {
  if (value instanceof PdfRef) return source.resolve(value) ?? undefined;
  return value ?? undefined;
}

export function dictOf(source: ObjectSource, value: PdfObject | undefined | null): PdfDict | undefined {
  const found = deref(source, value);
  return found instanceof PdfDict ? found : undefined;
}

export function arrayOf(source: ObjectSource, value: PdfObject | undefined | null): PdfObject[] {
  const found = deref(source, value);
  return found instanceof PdfArray ? found.toArray() : [];
}

export function nameOf(dict: PdfDict | undefined, key: string): string | undefined {
  const value = dict?.get(key);
  return value instanceof PdfName ? value.value : undefined;
}

function isSameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Deep equality of two values as written; references compare by number, never followed. */
export function isSameValue(a: PdfObject | undefined | null, b: PdfObject | undefined | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a instanceof PdfRef || b instanceof PdfRef)
    return a instanceof PdfRef && b instanceof PdfRef && refKey(a) === refKey(b);
  if (a instanceof PdfStream || b instanceof PdfStream) {
    if (!(a instanceof PdfStream && b instanceof PdfStream)) return false;
    return changedKeys(a, b).length === 0 && isSameBytes(a.data, b.data);
  }
  if (a instanceof PdfDict || b instanceof PdfDict)
    return a instanceof PdfDict && b instanceof PdfDict && changedKeys(a, b).length === 0;
  if (a instanceof PdfArray || b instanceof PdfArray) {
    if (!(a instanceof PdfArray && b instanceof PdfArray) || a.length !== b.length) return false;
    return a.toArray().every((item, index) => isSameValue(item, b.at(index)));
  }
  if (a instanceof PdfString && b instanceof PdfString) return isSameBytes(a.bytes, b.bytes);
  if (a instanceof PdfName && b instanceof PdfName) return a.value === b.value;
  if (a instanceof PdfNumber && b instanceof PdfNumber) return a.value === b.value;
  if (a instanceof PdfBool && b instanceof PdfBool) return a.value === b.value;
  return a.type === 'null' && b.type === 'null';
}

/** The keys (as "/Name") whose values differ between two dictionaries, added and removed ones included. */
export function changedKeys(before: PdfDict | undefined, after: PdfDict | undefined): string[] {
  const keys = new Set<string>();
  for (const [key] of before ?? []) keys.add(key.value);
  for (const [key] of after ?? []) keys.add(key.value);
  return [...keys]
    .filter((key) => !isSameValue(before?.get(key), after?.get(key)))
    .sort()
    .map((key) => `/${key}`);
}

/** Every indirect object reachable from `roots`, by reference key. */
export function reachableRefs(source: ObjectSource, roots: Iterable<PdfObject>): Map<string, PdfRef> {
  const found = new Map<string, PdfRef>();
  const pending: PdfObject[] = [...roots];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof PdfRef) {
      if (found.has(refKey(value))) continue;
      found.set(refKey(value), value);
      const target = source.resolve(value);
      if (target) pending.push(target);
    } else if (value instanceof PdfDict) {
      for (const [, item] of value) pending.push(item);
    } else if (value instanceof PdfArray) {
      pending.push(...value.toArray());
    }
  }
  return found;
}

/** The trailer entries that say what the document is, leaving out cross-reference housekeeping. */
export function trailerRoots(source: ObjectSource): PdfObject[] {
  return ['Root', 'Info', 'Encrypt']
    .map((key) => source.trailer.get(key))
    .filter((value): value is PdfObject => value !== undefined);
}
