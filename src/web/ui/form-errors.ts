import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';

/**
 * Puts the server's field errors on the form fields they name ('body.nameZh', 'usci', 'investors' …).
 * Returns the messages that matched no field, for a banner.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  pick: (zh: string, en: string) => string,
  fieldNames: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return [pick('无法连接服务器', 'Cannot reach the server')];
  const unplaced: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const detail of error.details) {
    const name = detail.field?.replace(/^body\./, '').split('.')[0];
    if (name && fieldNames.includes(name)) fields.push({ name, errors: [pick(detail.zh, detail.en)] });
    else unplaced.push(pick(detail.zh, detail.en));
  }
  form.setFields(fields);
  if (fields.length === 0 && unplaced.length === 0) unplaced.push(pick(error.zh, error.en));
  return unplaced;
}
