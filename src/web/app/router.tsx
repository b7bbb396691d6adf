import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ForbiddenPage, NotFoundPage } from '../ui/status-pages.tsx';
import { AppLayout } from './layout.tsx';
import { canOpen, type Page, useSession } from './session.tsx';

// Each page is its own chunk: the sign-in page does not download the kanban.
const SignInPage = lazy(() => import('../features/auth/sign-in-page.tsx'));
const ScreenPage = lazy(() => import('../features/screen/screen-page.tsx'));
const SignPage = lazy(() => import('../features/signing/sign-page.tsx'));
const VerifyPage = lazy(() => import('../features/verify/verify-page.tsx'));
const WorkbenchPage = lazy(() => import('../features/workbench/workbench-page.tsx'));
const ProjectListPage = lazy(() => import('../features/projects/list-page.tsx'));
const ProjectKanbanPage = lazy(() => import('../features/projects/kanban-page.tsx'));
const ProjectDetailPage = lazy(() => import('../features/projects/detail-page.tsx'));
const ProjectFormPage = lazy(() => import('../features/projects/form-page.tsx'));
const OrganizationListPage = lazy(() => import('../features/organizations/list-page.tsx'));
const OrganizationDetailPage = lazy(() => import('../features/organizations/detail-page.tsx'));
const OrganizationFormPage = lazy(() => import('../features/organizations/form-page.tsx'));
const OrganizationMergePage = lazy(() => import('../features/organizations/merge-page.tsx'));
const EventListPage = lazy(() => import('../features/events/list-page.tsx'));
const EventDetailPage = lazy(() => import('../features/events/detail-page.tsx'));
const EventFormPage = lazy(() => import('../features/events/form-page.tsx'));
const AgreementListPage = lazy(() => import('../features/agreements/list-page.tsx'));
const AgreementDetailPage = lazy(() => import('../features/agreements/detail-page.tsx'));
const AgreementFormPage = lazy(() => import('../features/agreements/form-page.tsx'));
const OnsitePage = lazy(() => import('../features/agreements/onsite-page.tsx'));
const WebhooksPage = lazy(() => import('../features/webhooks/webhooks-page.tsx'));

const loading = (
  <div style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }}>
    <Spin size="large" />
  </div>
);

/** A page the user's role may open; others see the 403 page, signed-out users go to sign-in. */
function Guard({ page, children }: { page: Page; children: ReactNode }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return loading;
  if (!user)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  if (!canOpen(user, page)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/screen/:eventId" element={<ScreenPage />} />
          <Route path="/sign/:token" element={<SignPage />} />
          <Route path="/verify" element={<VerifyPage />} />
          {/* The host's tablet at the venue: full screen, outside the office layout. */}
          <Route
            path="/events/:id/onsite"
            element={
              <Guard page="eventWrite">
                <OnsitePage />
              </Guard>
            }
          />
          <Route element={<AppLayout />}>
            <Route
              index
              element={
                <Guard page="workbench">
                  <WorkbenchPage />
                </Guard>
              }
            />
            <Route
              path="projects"
              element={
                <Guard page="projects">
                  <ProjectListPage />
                </Guard>
              }
            />
            <Route
              path="projects/kanban"
              element={
                <Guard page="projects">
                  <ProjectKanbanPage />
                </Guard>
              }
            />
            <Route
              path="projects/new"
              element={
                <Guard page="projectWrite">
                  <ProjectFormPage />
                </Guard>
              }
            />
            <Route
              path="projects/:id"
              element={
                <Guard page="projects">
                  <ProjectDetailPage />
                </Guard>
              }
            />
            <Route
              path="projects/:id/edit"
              element={
                <Guard page="projectWrite">
                  <ProjectFormPage />
                </Guard>
              }
            />
            <Route
              path="organizations"
              element={
                <Guard page="organizations">
                  <OrganizationListPage />
                </Guard>
              }
            />
            <Route
              path="organizations/new"
              element={
                <Guard page="organizationWrite">
                  <OrganizationFormPage />
                </Guard>
              }
            />
            <Route
              path="organizations/:id"
              element={
                <Guard page="organizations">
                  <OrganizationDetailPage />
                </Guard>
              }
            />
            <Route
              path="organizations/:id/edit"
              element={
                <Guard page="organizationWrite">
                  <OrganizationFormPage />
                </Guard>
              }
            />
            <Route
              path="organizations/:id/merge"
              element={
                <Guard page="organizationMerge">
                  <OrganizationMergePage />
                </Guard>
              }
            />
            <Route
              path="events"
              element={
                <Guard page="events">
                  <EventListPage />
                </Guard>
              }
            />
            <Route
              path="events/new"
              element={
                <Guard page="eventWrite">
                  <EventFormPage />
                </Guard>
              }
            />
            <Route
              path="events/:id"
              element={
                <Guard page="events">
                  <EventDetailPage />
                </Guard>
              }
            />
            <Route
              path="events/:id/edit"
              element={
                <Guard page="eventWrite">
                  <EventFormPage />
                </Guard>
              }
            />
            <Route
              path="agreements"
              element={
                <Guard page="events">
                  <AgreementListPage />
                </Guard>
              }
            />
            <Route
              path="agreements/new"
              element={
                <Guard page="eventWrite">
                  <AgreementFormPage />
                </Guard>
              }
            />
            <Route
              path="agreements/:id"
              element={
                <Guard page="events">
                  <AgreementDetailPage />
                </Guard>
              }
            />
            <Route
              path="agreements/:id/edit"
              element={
                <Guard page="eventWrite">
                  <AgreementFormPage />
                </Guard>
              }
            />
            <Route
              path="webhooks"
              element={
                <Guard page="webhooks">
                  <WebhooksPage />
                </Guard>
              }
            />
            <Route path="forbidden" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
