import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { ClientContext, clientFor } from './api';
import { Layout } from './components/layout';
import { LiveUpdates } from './live/live-updates';
import { MeContext, type Me } from './me';
import { forgetToken, storedToken, storeToken } from './session';
import { ActionsView } from './views/actions';
import { DeploymentsView } from './views/deployments';
import { InboxView } from './views/inbox';
import { NotificationsView, NotificationView } from './views/notifications';
import { OverviewView } from './views/overview';
import { QueuesView, QueueView } from './views/queues';
import { RecipientsView } from './views/recipients';
import { RunView } from './views/run-detail';
import { RunsView } from './views/runs';
import { SchedulesView } from './views/schedules';
import { ServicesView } from './views/services';
import { SignIn } from './views/sign-in';
import { TokensView } from './views/tokens';
import { useWhoAmI } from './who-am-i';

export function App() {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(storedToken);
  const client = useMemo(() => (token ? clientFor(token) : null), [token]);
  const [me, setMe] = useState<Me | null>(null);
  const signOut = () => {
    forgetToken();
    queryClient.clear();
    setMe(null);
    setToken(null);
  };
  const whoami = useWhoAmI(client, me, setMe, signOut);
  if (!token || !client) {
    return (
      <SignIn
        onSignedIn={(newToken, newMe) => {
          storeToken(newToken);
          setMe(newMe);
          setToken(newToken);
        }}
      />
    );
  }
  if (!me) return <p className="loading">{whoami}</p>;
  return (
    <ClientContext.Provider value={client}>
      <MeContext.Provider value={me}>
        <LiveUpdates path={me.recipient ? '/v1/inbox/stream' : '/v1/events'} token={token} onDenied={signOut}>
          <Router base="/ui">
            <Layout onSignOut={signOut}>
              {me.recipient ? <InboxRoutes /> : <OperatorRoutes />}
            </Layout>
          </Router>
        </LiveUpdates>
      </MeContext.Provider>
    </ClientContext.Provider>
  );
}

/** A token bound to a recipient reaches its inbox and nothing else. */
function InboxRoutes() {
  return (
    <Switch>
      <Route path="/" component={InboxView} />
      <Route>
        <p>Nothing here: this token reads its inbox only.</p>
      </Route>
    </Switch>
  );
}

function OperatorRoutes() {
  return (
    <Switch>
      <Route path="/" component={OverviewView} />
      <Route path="/queues" component={QueuesView} />
      <Route path="/queues/:name">{(params) => <QueueView name={decodeURIComponent(params.name)} />}</Route>
      <Route path="/runs" component={RunsView} />
      <Route path="/runs/:id">{(params) => <RunView id={params.id} />}</Route>
      <Route path="/schedules" component={SchedulesView} />
      <Route path="/services" component={ServicesView} />
      <Route path="/deployments" component={DeploymentsView} />
      <Route path="/actions" component={ActionsView} />
      <Route path="/notifications" component={NotificationsView} />
      <Route path="/notifications/:id">{(params) => <NotificationView id={params.id} />}</Route>
      <Route path="/recipients" component={RecipientsView} />
      <Route path="/tokens" component={TokensView} />
      <Route>
        <p>Nothing here.</p>
      </Route>
    </Switch>
  );
}
