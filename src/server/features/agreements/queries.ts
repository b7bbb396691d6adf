import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgreementView } from '../../../contracts/agreements.ts';
import { yiDisplays } from '../../../domain/amount.ts';
import type { DbOrTx } from '../../db/connect.ts';
import {
  agreementDocuments,
  agreementParties,
  agreementProjects,
  agreementSigners,
  type agreements,
  events,
  organizations,
  projects,
  regions,
} from '../../db/schema.ts';
import { isTurnOf } from '../signing/links.ts';
import { maskContact } from '../signing/tokens.ts';

type AgreementRow = typeof agreements.$inferSelect;
/** Agreements as the API shows them, with parties, signers, projects and event, in a few queries. */
export async function agreementViews(db: DbOrTx, rows: AgreementRow[]): Promise<AgreementView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const regionRows = await db
    .select()
    .from(regions)
    .where(inArray(regions.code, [...new Set(rows.map((r) => r.regionCode))]));
  const eventIds = [...new Set(rows.flatMap((r) => (r.eventId ? [r.eventId] : [])))];
  const eventRows = eventIds.length
    ? await db
        .select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn })
        .from(events)
        .where(inArray(events.id, eventIds))
    : [];
  const parties = await db
    .select({
      agreementId: agreementParties.agreementId,
      position: agreementParties.position,
      organization: organizations,
    })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(inArray(agreementParties.agreementId, ids))
    .orderBy(asc(agreementParties.position));
  const signers = await db
    .select()
    .from(agreementSigners)
    .where(inArray(agreementSigners.agreementId, ids))
    .orderBy(asc(agreementSigners.position));
  const linked = await db
    .select({
      agreementId: agreementProjects.agreementId,
      project: {
        id: projects.id,
        code: projects.code,
        nameZh: projects.nameZh,
        nameEn: projects.nameEn,
        investmentYuan: projects.investmentYuan,
      },
    })
    .from(agreementProjects)
    .innerJoin(projects, eq(projects.id, agreementProjects.projectId))
    .where(inArray(agreementProjects.agreementId, ids))
    .orderBy(asc(projects.code));
  // The latest revision of each agreement's PDF, and whether its first revision was uploaded.
  const documents = await db
    .select({
      agreementId: agreementDocuments.agreementId,
      revision: agreementDocuments.revision,
      kind: agreementDocuments.kind,
      sha256: agreementDocuments.sha256,
    })
    .from(agreementDocuments)
    .where(
      and(
        inArray(agreementDocuments.agreementId, ids),
        sql`(${agreementDocuments.revision} = 1 or ${agreementDocuments.revision} = (select a.document_revision from agreements a where a.id = ${agreementDocuments.agreementId}))`,
      ),
    );
  return rows.map((row) => {
    const ownSigners = signers.filter((s) => s.agreementId === row.id);
    const latest = documents.find((d) => d.agreementId === row.id && d.revision === row.documentRevision);
    const first = documents.find((d) => d.agreementId === row.id && d.revision === 1);
    const region = regionRows.find((r) => r.code === row.regionCode);
    const event = eventRows.find((e) => e.id === row.eventId) ?? null;
    return {
      id: row.id,
      event,
      typeCode: row.typeCode,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      amount: row.amountYuan === null ? null : { yuan: row.amountYuan, ...yiDisplays(row.amountYuan) },
      status: row.status,
      signingOrder: row.signingOrder,
      expiresOn: row.expiresOn,
      signedOn: row.signedOn,
      voidReason: row.voidReason,
      region: {
        code: row.regionCode,
        nameZh: region?.nameZh ?? row.regionCode,
        nameEn: region?.nameEn ?? null,
      },
      parties: parties
        .filter((p) => p.agreementId === row.id)
        .map((p) => ({
          organizationId: p.organization.id,
          nameZh: p.organization.nameZh,
          nameEn: p.organization.nameEn,
          signers: ownSigners
            .filter((s) => s.organizationId === p.organization.id)
            .map((s) => ({
              id: s.id,
              position: s.position,
              name: s.name,
              title: s.title,
              status: s.status,
              signedAt: s.signedAt?.toISOString() ?? null,
              signedVia: s.signedVia,
              declinedReason: s.declinedReason,
              contact: maskContact(s.email, s.mobile),
              linkSentAt: s.linkSentAt?.toISOString() ?? null,
              isTurn: row.status === 'signing' && isTurnOf(s, ownSigners, row.signingOrder),
            })),
        })),
      projects: linked.filter((l) => l.agreementId === row.id).map((l) => l.project),
      document: {
        revision: row.documentRevision,
        sha256: latest?.sha256 ?? null,
        isUploaded: first?.kind === 'uploaded',
      },
      seal: {
        status: row.sealStatus,
        sealedAt: row.sealedAt?.toISOString() ?? null,
        sha256: row.sealedSha256,
        attempts: row.sealAttempts,
        error: row.sealError,
      },
      signedAt: row.signedAt?.toISOString() ?? null,
      version: row.version,
    };
  });
}
