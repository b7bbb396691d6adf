import type { z } from 'zod';
import type {
  PipelineSummary,
  ProjectCount,
  ProjectPage,
  ProjectView,
  StageMoveBody,
  Timeline,
} from '../../../contracts/projects.ts';
import { api } from '../../app/api.ts';

export type Project = ProjectView;
export type Page = z.infer<typeof ProjectPage>;
export type Count = z.infer<typeof ProjectCount>;
export type TimelineItems = z.infer<typeof Timeline>['items'];
export type { PipelineSummary };

export const fetchProjects = (query: string) => api<Page>(`/projects${query}`);
export const fetchCount = (query: string) => api<Count>(`/projects/count${query}`);
export const fetchProject = (id: string) => api<Project>(`/projects/${id}`);
export const fetchTimeline = (id: string) => api<z.infer<typeof Timeline>>(`/projects/${id}/timeline`);
export const fetchSummary = () => api<PipelineSummary>('/projects/summary');

export const moveStage = (id: string, body: z.input<typeof StageMoveBody>) =>
  api<Project>(`/projects/${id}/stage`, { method: 'POST', body });

/** Uploads one file as evidence; returns its id. */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/files', { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await response.json()) as { id: string; name: string; error?: { zh: string; en: string } };
  if (!response.ok) throw Object.assign(new Error(body.error?.en ?? 'upload failed'), body.error ?? {});
  return body;
}
