// What each object of one revision is for (catalog, page 3, signature dictionary of "X"...), to judge and name changes.
import { type PdfDict, PdfRef, PdfString } from '@libpdf/core';
import { arrayOf, dictOf, nameOf, type ObjectSource, reachableRefs, refKey } from './revision-objects.ts';

export type ObjectRole =
  | 'file'
  | 'trailer'
  | 'catalog'
  | 'document-info'
  | 'page-tree'
  | 'page'
  | 'page-content'
  | 'page-annotations'
  | 'annotation'
  | 'form'
  | 'form-field'
  | 'signature-field'
  | 'signature'
  | 'dss'
  | 'names'
  | 'embedded-file'
  | 'object';

export type RoleOf = { role: ObjectRole; label?: string };

export type FieldInfo = { ref: PdfRef | undefined; dict: PdfDict; name: string; isSignature: boolean };

export type Structure = {
  catalog: PdfDict | undefined;
  acroForm: PdfDict | undefined;
  /** Page objects in reading order. */
  pages: PdfRef[];
  /** Every field, terminal or not, with its fully qualified name. */
  fields: FieldInfo[];
  roles: Map<string, RoleOf>;
};

function textOf(dict: PdfDict, key: string): string | undefined {
  const value = dict.get(key);
  return value instanceof PdfString ? value.asString() : undefined;
}

// Page-tree walk with a visited set and a depth bound, so a cyclic tree cannot loop.
function walkPages(
  source: ObjectSource,
  node: PdfRef | undefined,
  roles: Map<string, RoleOf>,
  pages: PdfRef[],
) {
  const visit = (ref: PdfRef | undefined, depth: number) => {
    if (!ref || roles.has(refKey(ref)) || depth > 64) return;
    const dict = dictOf(source, ref);
    if (!dict) return;
    if (nameOf(dict, 'Type') === 'Pages' || dict.has('Kids')) {
      roles.set(refKey(ref), { role: 'page-tree' });
      for (const kid of arrayOf(source, dict.get('Kids'))) if (kid instanceof PdfRef) visit(kid, depth + 1);
      return;
    }
    pages.push(ref);
    roles.set(refKey(ref), { role: 'page', label: String(pages.length) });
  };
  visit(node, 0);
}

function walkFields(source: ObjectSource, acroForm: PdfDict | undefined): FieldInfo[] {
  const fields: FieldInfo[] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, prefix: string, inheritedType: string | undefined, depth: number) => {
    if (depth > 32) return;
    const ref = value instanceof PdfRef ? value : undefined;
    if (ref && seen.has(refKey(ref))) return;
    if (ref) seen.add(refKey(ref));
    const dict = dictOf(source, ref);
    if (!dict) return;
    const partial = textOf(dict, 'T');
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const type = nameOf(dict, 'FT') ?? inheritedType;
    fields.push({ ref, dict, name, isSignature: type === 'Sig' });
    for (const kid of arrayOf(source, dict.get('Kids'))) visit(kid, name, type, depth + 1);
  };
  for (const field of arrayOf(source, acroForm?.get('Fields'))) visit(field, '', undefined, 0);
  return fields;
}

/** Reads the catalog, pages, form fields and validation data of one revision and gives each object a role. */
export function describeStructure(source: ObjectSource): Structure {
  const roles = new Map<string, RoleOf>();
  const claim = (value: unknown, role: RoleOf) => {
    if (value instanceof PdfRef && !roles.has(refKey(value))) roles.set(refKey(value), role);
  };
  const claimAll = (values: Iterable<PdfRef>, role: RoleOf) => {
    for (const ref of values) claim(ref, role);
  };
  const rootRef = source.trailer.get('Root');
  const catalog = dictOf(source, rootRef);
  claim(rootRef, { role: 'catalog' });
  claim(source.trailer.get('Info'), { role: 'document-info' });
  const pages: PdfRef[] = [];
  const pagesRef = catalog?.get('Pages');
  walkPages(source, pagesRef instanceof PdfRef ? pagesRef : undefined, roles, pages);

  const acroFormValue = catalog?.get('AcroForm');
  const acroForm = dictOf(source, acroFormValue);
  claim(acroFormValue, { role: 'form' });
  claim(acroForm?.get('Fields'), { role: 'form' });
  const fields = walkFields(source, acroForm);
  for (const field of fields) {
    claim(field.ref, { role: field.isSignature ? 'signature-field' : 'form-field', label: field.name });
  }
  for (const field of fields.filter((item) => item.isSignature)) {
    claim(field.dict.get('V'), { role: 'signature', label: field.name });
  }
  pages.forEach((page, index) => {
    const label = String(index + 1);
    const dict = dictOf(source, page);
    claim(dict?.get('Annots'), { role: 'page-annotations', label });
    for (const annotation of arrayOf(source, dict?.get('Annots')))
      claim(annotation, { role: 'annotation', label });
    claim(dict?.get('Contents'), { role: 'page-content', label });
    for (const part of arrayOf(source, dict?.get('Contents'))) claim(part, { role: 'page-content', label });
    const drawn = [dict?.get('Contents'), dict?.get('Resources')].filter((item) => item !== undefined);
    claimAll(reachableRefs(source, drawn).values(), { role: 'page-content', label });
  });
  const dss = catalog?.get('DSS');
  if (dss) claimAll(reachableRefs(source, [dss]).values(), { role: 'dss' });
  const names = catalog?.get('Names');
  claim(names, { role: 'names' });
  const embedded = dictOf(source, names)?.get('EmbeddedFiles');
  if (embedded) claimAll(reachableRefs(source, [embedded]).values(), { role: 'embedded-file' });
  if (catalog) claimAll(reachableRefs(source, [catalog]).values(), { role: 'object' });
  return { catalog, acroForm, pages, fields, roles };
}
