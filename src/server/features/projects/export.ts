import { PassThrough } from 'node:stream';
import { and, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ProjectFilterQuery } from '../../../contracts/projects.ts';
import { formatYi } from '../../../domain/amount.ts';
import { STAGE_LABELS } from '../../../domain/stages.ts';
import type { Db } from '../../db/connect.ts';
import { projects } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../platform/access.ts';
import { projectConditions, selectProjects } from './queries.ts';

const COLUMNS = [
  { header: '项目编号 Code', key: 'code', width: 16 },
  { header: '项目名称 Name', key: 'nameZh', width: 40 },
  { header: 'Name (EN)', key: 'nameEn', width: 40 },
  { header: '落地地区 Region', key: 'region', width: 18 },
  { header: '行业 Industry', key: 'industry', width: 24 },
  { header: '类别 Category', key: 'category', width: 18 },
  { header: '计划总投资（元）Investment (yuan)', key: 'investmentYuan', width: 20 },
  { header: '计划总投资 Investment', key: 'investmentDisplay', width: 16 },
  { header: '阶段 Stage', key: 'stage', width: 10 },
  { header: '签约日期 Signed on', key: 'signedOn', width: 12 },
  { header: '重点 Key', key: 'isKey', width: 8 },
  { header: '重大 Major', key: 'isMajor', width: 8 },
];
const BATCH = 2000;

/**
 * Streams the filtered project list as an .xlsx workbook, fetching rows in keyset batches so memory stays flat.
 * The scope and filters are exactly those of the list.
 */
export async function exportProjects(db: Db, actor: Actor, query: ProjectFilterQuery): Promise<PassThrough> {
  assertCan(actor, 'project.read');
  const conditions = await projectConditions(db, actor, query);
  const nextBatch = (lastId: string | null) =>
    selectProjects(db)
      .where(and(...conditions, lastId ? sql`${projects.id} > ${lastId}` : undefined))
      .orderBy(projects.id)
      .limit(BATCH);
  // The first batch is read before any byte is sent: a query the filters break is an error answer, not a cut-off file.
  const first = await nextBatch(null);
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet('项目 Projects');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    let batch = first;
    for (;;) {
      for (const { project: p, region, industry } of batch) {
        sheet
          .addRow({
            code: p.code,
            nameZh: p.nameZh,
            nameEn: p.nameEn ?? '',
            region: region.nameZh,
            industry: `${industry.code} ${industry.nameZh}`,
            category: p.categoryCode,
            investmentYuan: p.investmentYuan,
            investmentDisplay: formatYi(p.investmentYuan, 'zh-CN'),
            stage: STAGE_LABELS[p.stage].zh,
            signedOn: p.signedOn ?? '',
            isKey: p.isKey ? '是' : '',
            isMajor: p.isMajor ? '是' : '',
          })
          .commit();
      }
      const last = batch.at(-1);
      if (batch.length < BATCH || !last) break;
      batch = await nextBatch(last.project.id);
    }
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
