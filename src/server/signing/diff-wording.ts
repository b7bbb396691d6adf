// Plain words, in Chinese and English, for what an update changed: "object 12 0 (signature dictionary of "X"): /Reason changed".
import type { UpdateFinding } from './diff-analysis.ts';
import type { ObjectRole } from './diff-roles.ts';

export type WordingLocale = 'zh-CN' | 'en-US';

const ROLES: Record<ObjectRole, Record<WordingLocale, (label: string) => string>> = {
  file: { 'zh-CN': () => '文件结构', 'en-US': () => 'file structure' },
  trailer: { 'zh-CN': () => '文件尾（trailer）', 'en-US': () => 'trailer' },
  catalog: { 'zh-CN': () => '文档目录（Catalog）', 'en-US': () => 'document catalog' },
  'document-info': { 'zh-CN': () => '文档信息（Info）', 'en-US': () => 'document information (/Info)' },
  'page-tree': { 'zh-CN': () => '页面树', 'en-US': () => 'page tree' },
  page: { 'zh-CN': (n) => `第 ${n} 页`, 'en-US': (n) => `page ${n}` },
  'page-content': { 'zh-CN': (n) => `第 ${n} 页的内容`, 'en-US': (n) => `content of page ${n}` },
  'page-annotations': { 'zh-CN': (n) => `第 ${n} 页的注释列表`, 'en-US': (n) => `annotations of page ${n}` },
  annotation: { 'zh-CN': (n) => `第 ${n} 页的注释`, 'en-US': (n) => `annotation on page ${n}` },
  form: { 'zh-CN': () => '表单（AcroForm）', 'en-US': () => 'form (/AcroForm)' },
  'form-field': { 'zh-CN': (n) => `表单域"${n}"`, 'en-US': (n) => `form field "${n}"` },
  'signature-field': { 'zh-CN': (n) => `签名域"${n}"`, 'en-US': (n) => `signature field "${n}"` },
  signature: { 'zh-CN': (n) => `"${n}"的签名字典`, 'en-US': (n) => `signature dictionary of "${n}"` },
  dss: { 'zh-CN': () => '验证数据（DSS）', 'en-US': () => 'validation data (DSS)' },
  names: { 'zh-CN': () => '名称字典（Names）', 'en-US': () => 'names dictionary' },
  'embedded-file': { 'zh-CN': () => '嵌入文件', 'en-US': () => 'embedded files' },
  object: { 'zh-CN': () => '对象', 'en-US': () => 'object' },
};

const FILE_PROBLEMS: Record<string, Record<WordingLocale, string>> = {
  unreadable: { 'zh-CN': '该修订无法解析', 'en-US': 'this revision cannot be parsed' },
  recovered: {
    'zh-CN': '交叉引用表损坏，只能逐字节恢复',
    'en-US': 'its cross-reference is damaged (read by recovery)',
  },
  'trailing-bytes': { 'zh-CN': '最后的 %%EOF 之后还有数据', 'en-US': 'bytes after the last %%EOF' },
};

const ACTIONS: Record<UpdateFinding['action'], Record<WordingLocale, string>> = {
  added: { 'zh-CN': '新增', 'en-US': 'added' },
  changed: { 'zh-CN': '被修改', 'en-US': 'changed' },
  removed: { 'zh-CN': '被删除', 'en-US': 'removed' },
};

/** One finding as a sentence naming the object, its role and what changed. */
export function describeFinding(finding: UpdateFinding, locale: WordingLocale): string {
  if (finding.role === 'file') {
    const key = finding.keys[0] ?? 'unreadable';
    return FILE_PROBLEMS[key]?.[locale] ?? key;
  }
  const role = ROLES[finding.role][locale](finding.label ?? '?');
  const object =
    finding.objectNumber === null
      ? role
      : locale === 'zh-CN'
        ? `对象 ${finding.objectNumber} ${finding.generation}（${role}）`
        : `object ${finding.objectNumber} ${finding.generation} (${role})`;
  const keys = finding.keys.join(' ');
  const action = ACTIONS[finding.action][locale];
  const what = keys ? (locale === 'zh-CN' ? `${keys} ${action}` : `${keys} ${action}`) : action;
  return `${object}${locale === 'zh-CN' ? '：' : ': '}${what}`;
}
