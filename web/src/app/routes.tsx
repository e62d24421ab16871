import { Route, Switch } from 'wouter';
import { Layout } from '../components/Layout.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { DonorPage } from '../pages/portal/DonorPage.tsx';
import { DonorsPage } from '../pages/portal/DonorsPage.tsx';
import { OverviewPage } from '../pages/portal/OverviewPage.tsx';
import { PackagePage } from '../pages/portal/PackagePage.tsx';
import { PackagesPage } from '../pages/portal/PackagesPage.tsx';
import { PrioritiesPage } from '../pages/portal/PrioritiesPage.tsx';
import { RecordsPage } from '../pages/portal/RecordsPage.tsx';
import { SourcesPage } from '../pages/portal/SourcesPage.tsx';
import { WorkspacePage } from '../pages/workspace/WorkspacePage.tsx';

/**
 * Every page, under its locale (`/uk/packages/purl-nl-1`). The portal needs no sign-in; the workspace holds the
 * forms for the organisations' commands.
 */
export function PageRoutes() {
  return (
    <Layout>
      <Switch>
        <Route path="/" component={OverviewPage} />
        <Route path="/records" component={RecordsPage} />
        <Route path="/packages" component={PackagesPage} />
        <Route path="/packages/:id" component={PackagePage} />
        <Route path="/donors" component={DonorsPage} />
        <Route path="/donors/:id" component={DonorPage} />
        <Route path="/priorities" component={PrioritiesPage} />
        <Route path="/sources" component={SourcesPage} />
        <Route path="/workspace" component={WorkspacePage} />
        <Route path="/workspace/:form" component={WorkspacePage} />
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
