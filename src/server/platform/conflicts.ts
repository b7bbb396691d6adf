import type { AppError } from './errors.ts';
import { conflict } from './errors.ts';

/** The record that already holds a unique value, and whether the actor may read it (its scope condition). */
export interface Holder {
  id: string;
  /** How the record is named to someone who may read it: an organization's name, a project's code. */
  label: string;
  isReadable: boolean;
}

/**
 * The 409 for a unique value (credit code, project code) already in use. It names the record holding it, with
 * its id, only when the actor may read that record; otherwise it says only that the value is taken, so a
 * conflict never reveals another region's records.
 */
export function valueTaken(input: {
  code: string;
  field: string;
  /** What the value is: 统一社会信用代码 / credit code. */
  value: { zh: string; en: string; text: string };
  /** What kind of record holds it: 单位 / organization. */
  holder: { zh: string; en: string };
  taken: Holder;
}): AppError {
  const { code, field, value, holder, taken } = input;
  if (!taken.isReadable)
    return conflict(
      code,
      `${value.zh} ${value.text} 已被其他${holder.zh}使用`,
      `${value.en} ${value.text} is already used by another ${holder.en}`,
      [{ code, field, zh: `已被其他${holder.zh}使用`, en: `already used by another ${holder.en}` }],
    );
  return conflict(
    code,
    `${value.zh} ${value.text} 已被${holder.zh}“${taken.label}”使用`,
    `${value.en} ${value.text} is already used by ${holder.en} "${taken.label}"`,
    [
      {
        code,
        field,
        zh: `已被${holder.zh}“${taken.label}”（${taken.id}）使用`,
        en: `already used by ${holder.en} "${taken.label}" (${taken.id})`,
      },
    ],
  );
}
