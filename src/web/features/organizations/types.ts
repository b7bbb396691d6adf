// The API's shapes as the web client sees them, inferred from the shared contracts (types only: no zod at runtime).
import type { z } from 'zod';
import type {
  CreateOrganizationBody,
  DuplicateCandidate as DuplicateCandidateSchema,
  DuplicateList as DuplicateListSchema,
  MergeResult as MergeResultSchema,
  OrganizationPage as OrganizationPageSchema,
  OrganizationView,
  UpdateOrganizationBody,
} from '../../../contracts/organizations.ts';
import type { ProjectPage as ProjectPageSchema, ProjectView } from '../../../contracts/projects.ts';

export type Organization = z.infer<typeof OrganizationView>;
export type OrganizationType = Organization['type'];
export type OrganizationPage = z.infer<typeof OrganizationPageSchema>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;
export type DuplicateReason = DuplicateCandidate['reasons'][number];
export type DuplicateList = z.infer<typeof DuplicateListSchema>;
export type MergeResult = z.infer<typeof MergeResultSchema>;
export type CreateBody = z.infer<typeof CreateOrganizationBody>;
export type UpdateBody = z.infer<typeof UpdateOrganizationBody>;
export type Project = z.infer<typeof ProjectView>;
export type ProjectPage = z.infer<typeof ProjectPageSchema>;
