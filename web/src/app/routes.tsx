import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Layout } from '../components/Layout.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { useT } from '../i18n/useT.ts';
import { OverviewPage } from '../pages/portal/OverviewPage.tsx';

/** A page loaded when it is first opened: only the overview is in the JavaScript every visit downloads. */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): ComponentType {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

const RecordsPage = page(() => import('../pages/portal/RecordsPage.tsx'), 'RecordsPage');
const PackagesPage = page(() => import('../pages/portal/PackagesPage.tsx'), 'PackagesPage');
const PackagePage = page(() => import('../pages/portal/PackagePage.tsx'), 'PackagePage');
const DonorsPage = page(() => import('../pages/portal/DonorsPage.tsx'), 'DonorsPage');
const DonorPage = page(() => import('../pages/portal/DonorPage.tsx'), 'DonorPage');
const TrackersPage = page(() => import('../pages/portal/TrackersPage.tsx'), 'TrackersPage');
const PrioritiesPage = page(() => import('../pages/portal/PrioritiesPage.tsx'), 'PrioritiesPage');
const SourcesPage = page(() => import('../pages/portal/SourcesPage.tsx'), 'SourcesPage');
const WorkspacePage = page(() => import('../pages/workspace/WorkspacePage.tsx'), 'WorkspacePage');
const AuditPage = page(() => import('../pages/workspace/audit/AuditPage.tsx'), 'AuditPage');
const PeoplePage = page(() => import('../pages/workspace/people/PeoplePage.tsx'), 'PeoplePage');
const AccountPage = page(() => import('../pages/workspace/AccountPage.tsx'), 'AccountPage');
const SignInPage = page(() => import('../pages/session/SignInPage.tsx'), 'SignInPage');

/**
 * Every page, under its locale (`/uk/packages/purl-nl-1`). The portal needs no sign-in (signed in, it shows more);
 * the workspace holds the forms for the organisations' commands, the audit view, people and tokens, and one's own
 * account, for those signed in at `/sign-in`.
 */
export function PageRoutes() {
  const t = useT();
  return (
    <Layout>
      <Suspense
        fallback={
          <p className="loading" aria-busy="true">
            {t('common.loading')}
          </p>
        }
      >
        <Switch>
          <Route path="/" component={OverviewPage} />
          <Route path="/records" component={RecordsPage} />
          <Route path="/packages" component={PackagesPage} />
          <Route path="/packages/:id" component={PackagePage} />
          <Route path="/donors" component={DonorsPage} />
          <Route path="/donors/:id" component={DonorPage} />
          <Route path="/trackers" component={TrackersPage} />
          <Route path="/priorities" component={PrioritiesPage} />
          <Route path="/sources" component={SourcesPage} />
          <Route path="/workspace" component={WorkspacePage} />
          <Route path="/workspace/audit" component={AuditPage} />
          <Route path="/workspace/people" component={PeoplePage} />
          <Route path="/workspace/account" component={AccountPage} />
          <Route path="/workspace/:form" component={WorkspacePage} />
          <Route path="/sign-in" component={SignInPage} />
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Layout>
  );
}
