import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CreateProjectBody } from '../../../contracts/projects.ts';
import { type Amount, parseAmount, toCny } from '../../../domain/amount.ts';
import { recordAmountError } from '../../../domain/amount-limit.ts';
import { validateProjectCode } from '../../../domain/project-code.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { codeLists, industries, organizations, projects, regions, users } from '../../db/schema.ts';
import { type Actor, isInScope, organizationScope, projectScope } from '../../platform/access.ts';
import { valueTaken } from '../../platform/conflicts.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';

// Turning a project form's fields into checked column values, each failure naming its field.

export function amountField(field: string, input: string | number): Amount {
  const amount: Amount =
    typeof input === 'number'
      ? { value: input, currency: 'CNY', qualifier: 'exact' }
      : parsedAmount(field, input);
  const tooLarge = recordAmountError(amount.value);
  if (tooLarge) throw invalidField(field, tooLarge);
  return amount;
}

function parsedAmount(field: string, input: string): Amount {
  const parsed = parseAmount(input);
  if (!parsed.ok) throw invalidField(field, parsed.error);
  return parsed.value;
}

/** The investment columns from a typed amount; a dollar amount needs the rate it is converted at. */
export function investmentColumns(amount: Amount, usdRate: string | null | undefined) {
  if (amount.currency === 'USD' && !usdRate) {
    throw invalidField('usdRate', {
      code: 'amount.rate_required',
      zh: '美元金额需填写汇率（1美元折合人民币）',
      en: 'A US dollar amount needs the exchange rate (yuan per dollar)',
    });
  }
  const yuan = amount.currency === 'USD' && usdRate ? toCny(amount, usdRate) : amount.value;
  const tooLarge = recordAmountError(yuan);
  if (tooLarge) throw invalidField('investment', tooLarge);
  return {
    investmentAmount: amount.value,
    investmentCurrency: amount.currency,
    investmentQualifier: amount.qualifier,
    usdRate: amount.currency === 'USD' ? (usdRate ?? null) : null,
    investmentYuan: yuan,
  };
}

export function expectedOutputYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const amount = amountField('expectedOutput', input);
  if (amount.currency !== 'CNY') {
    throw invalidField('expectedOutput', {
      code: 'amount.currency',
      zh: '预计年产值请用人民币',
      en: 'Expected output must be in yuan',
    });
  }
  return amount.value;
}

export interface References {
  regionCode: string;
  industryCode: string;
  categoryCode: string;
  ownerId?: string | null;
  nationalCode?: string | null;
  investors?: CreateProjectBody['investors'];
}

/** Checks every code and id a project points to, naming the field that is wrong. */
export async function checkReferences(db: DbOrTx, actor: Actor, refs: References) {
  const [region] = await db.select().from(regions).where(eq(regions.code, refs.regionCode));
  if (!region)
    throw invalidField('regionCode', {
      code: 'region.unknown',
      zh: `地区代码不存在：${refs.regionCode}`,
      en: `No such region code: ${refs.regionCode}`,
    });
  if (region.level !== 'county' && region.level !== 'park') {
    throw invalidField('regionCode', {
      code: 'region.level',
      zh: '落地地区须为区县或园区',
      en: 'The landing region must be a county/district or a park',
    });
  }
  if (!isInScope(actor, region.code))
    throw forbidden(
      `地区 ${region.nameZh} 不在您的辖区内`,
      `${region.nameEn ?? region.nameZh} is outside your region`,
    );
  const [industry] = await db.select().from(industries).where(eq(industries.code, refs.industryCode));
  if (!industry || industry.level < 2) {
    throw invalidField('industryCode', {
      code: 'industry.unknown',
      zh: `行业代码不存在或不是大类及以下：${refs.industryCode}`,
      en: `No such industry division, group or class: ${refs.industryCode}`,
    });
  }
  const [category] = await db
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, 'project_categories'), eq(codeLists.code, refs.categoryCode)));
  if (!category)
    throw invalidField('categoryCode', {
      code: 'category.unknown',
      zh: `项目类别不存在：${refs.categoryCode}`,
      en: `No such project category: ${refs.categoryCode}`,
    });
  if (refs.ownerId) {
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, refs.ownerId));
    if (!owner)
      throw invalidField('ownerId', { code: 'user.unknown', zh: '负责人不存在', en: 'No such owner user' });
  }
  if (refs.investors?.length) {
    const ids = refs.investors.map((investor) => investor.organizationId);
    if (new Set(ids).size !== ids.length)
      throw invalidField('investors', {
        code: 'investors.duplicate',
        zh: '同一单位重复列出',
        en: 'The same organization is listed twice',
      });
    const found = await db
      .select({ id: organizations.id })
      .from(organizations)
      // One the actor cannot read reads as absent: naming it would open it (and its projects) to the actor.
      .where(
        and(
          inArray(organizations.id, ids),
          sql`${organizations.mergedIntoId} is null`,
          organizationScope(actor, organizations.id, organizations.regionCode),
        ),
      );
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw invalidField('investors', {
        code: 'organization.unknown',
        zh: `单位不存在：${missing.join('、')}`,
        en: `No such organization: ${missing.join(', ')}`,
      });
  }
  return region;
}

export function checkedNationalCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const result = validateProjectCode(code);
  if (!result.ok) throw invalidField('nationalCode', result.error);
  return result.value.code;
}

const UNIQUE_PROJECT_VALUES = {
  // The holder is named by what tells it apart: its name for a code, its code for a national code.
  code: {
    column: projects.code,
    label: projects.nameZh,
    zh: '项目编号',
    en: 'Project code',
    error: 'project.code_exists',
  },
  nationalCode: {
    column: projects.nationalCode,
    label: projects.code,
    zh: '项目代码',
    en: 'National code',
    error: 'project.national_code_exists',
  },
} as const;

/** Refuses a project code or national code that another project holds, naming it only to those who may read it. */
export async function assertProjectValueFree(
  db: DbOrTx,
  actor: Actor,
  field: keyof typeof UNIQUE_PROJECT_VALUES,
  value: string | null,
  exceptId?: string,
) {
  if (!value) return;
  const unique = UNIQUE_PROJECT_VALUES[field];
  const [existing] = await db
    .select({
      id: projects.id,
      label: unique.label,
      isReadable: sql<boolean>`${projectScope(actor, projects.id, projects.regionCode)}`,
    })
    .from(projects)
    .where(eq(unique.column, value));
  if (existing && existing.id !== exceptId)
    throw valueTaken({
      code: unique.error,
      field,
      value: { zh: unique.zh, en: unique.en, text: value },
      holder: { zh: '项目', en: 'project' },
      taken: existing,
    });
}
