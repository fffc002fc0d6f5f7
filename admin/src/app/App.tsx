import { lazy, Suspense, useEffect } from 'react';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/i18n';
import { AccountScreen } from '../screens/account/AccountScreen';
import { AuthFrame } from '../screens/auth/AuthFrame';
import { ResetPasswordScreen } from '../screens/auth/ResetPasswordScreen';
import { SetupScreen } from '../screens/auth/SetupScreen';
import { SignInAgain, SignInScreen } from '../screens/auth/SignInScreen';
import { ApiKeysScreen } from '../screens/admin/ApiKeysScreen';
import { AuditScreen } from '../screens/admin/AuditScreen';
import { StaffScreen } from '../screens/admin/StaffScreen';
import { TaxonomyScreen } from '../screens/admin/TaxonomyScreen';
import { CalendarScreen } from '../screens/stories/CalendarScreen';
import { NewStoryScreen } from '../screens/stories/NewStoryScreen';
import { StoryListScreen } from '../screens/stories/StoryListScreen';
import { DeskScreen } from '../screens/translation/DeskScreen';
import { Layout } from './Layout';
import { match, useLocation, type Location } from './router';
import { useSession } from './session';
import { TaxonomyProvider } from './taxonomy';

// The editor (TipTap and ProseMirror, most of the code) loads when a story is first opened.
const StoryEditorScreen = lazy(() => import('../screens/editor/StoryEditorScreen').then((m) => ({ default: m.StoryEditorScreen })));
const TranslationScreen = lazy(() => import('../screens/translation/TranslationScreen').then((m) => ({ default: m.TranslationScreen })));

export function App() {
  const { t } = useI18n();
  const { state, retry } = useSession();
  const location = useLocation();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  if (location.path === '/reset-password') return <ResetPasswordScreen token={location.search.get('token')} />;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <AuthFrame title={t('app.unreachableTitle')}>
        <Notice kind="error">{t('app.unreachable', { message: state.message })}</Notice>
        <button type="button" className="button button--primary" onClick={retry}>
          {t('common.tryAgain')}
        </button>
      </AuthFrame>
    );
  }
  if (state.status === 'signedOut') return state.setupNeeded ? <SetupScreen /> : <SignInScreen />;
  return (
    <TaxonomyProvider>
      <Layout>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Screen location={location} />
        </Suspense>
      </Layout>
      {state.expired ? <SignInAgain email={state.staff.email} /> : null}
    </TaxonomyProvider>
  );
}

function Screen({ location }: { location: Location }) {
  const { t } = useI18n();
  const { path, search } = location;
  if (path === '/' || path === '/stories') return <StoryListScreen />;
  if (path === '/stories/new') return <NewStoryScreen />;
  if (path === '/calendar') return <CalendarScreen />;
  if (path === '/desk') return <DeskScreen />;
  if (path === '/staff') return <StaffScreen />;
  if (path === '/taxonomy') return <TaxonomyScreen />;
  if (path === '/api-keys') return <ApiKeysScreen />;
  if (path === '/audit') return <AuditScreen />;
  if (path === '/account') return <AccountScreen />;
  const translate = match('/translations/:id/translate', path);
  if (translate) return <TranslationScreen key={translate.id} id={translate.id as string} sourceId={search.get('source')} />;
  const edit = match('/translations/:id', path);
  if (edit) return <StoryEditorScreen key={edit.id} id={edit.id as string} />;
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </section>
  );
}
