import { html, type SafeHtml } from '../../../../shared/html.js';
import type { PageContext } from '../page-context.js';
import type { Rendered } from '../views/listing-views.js';

/** Views of signing in: the email form, "check your inbox", the confirm page, and short messages. */
const signInPath = (ctx: PageContext) => `/${ctx.edition.locale}/sign-in`;
export const accountPath = (locale: string) => `/${locale}/account`;

function meta(ctx: PageContext, title: string, description = title): Rendered['meta'] {
  return { title: `${title} | ${ctx.edition.siteName}`, description, canonical: ctx.path, noindex: true };
}

export const csrfField = (token: string) => html`<input type="hidden" name="csrf" value="${token}">`;

export function signInView(
  ctx: PageContext,
  form: { csrf: string; returnPath: string; signedInAs: string | null; invalidEmail?: boolean },
): Rendered {
  const { t } = ctx;
  const title = t('members.signIn.title');
  if (form.signedInAs) {
    return {
      meta: meta(ctx, title),
      main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.signIn.signedInAs', { email: form.signedInAs })}</p>
  <p><a href="${accountPath(ctx.edition.locale)}">${t('members.signIn.toAccount')}</a></p>
</section>`,
    };
  }
  return {
    meta: meta(ctx, title, t('members.signIn.intro')),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('members.signIn.intro')}</p>
  ${form.invalidEmail ? html`<p class="form-error" role="alert">${t('members.signIn.invalidEmail')}</p>` : ''}
  <form method="post" action="${signInPath(ctx)}">
    ${csrfField(form.csrf)}
    <input type="hidden" name="return" value="${form.returnPath}">
    <label for="email">${t('members.signIn.email')}</label>
    <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" dir="ltr">
    <button type="submit">${t('members.signIn.submit')}</button>
  </form>
</section>`,
  };
}

/** The one answer to a sign-in request, whatever the address: nothing in it depends on the request. */
export function checkInboxView(ctx: PageContext): Rendered {
  const { t } = ctx;
  return messageView(ctx, t('members.checkInbox.title'), t('members.checkInbox.body'), [
    { href: signInPath(ctx), label: t('members.checkInbox.again') },
  ]);
}

export function verifyView(ctx: PageContext, form: { token: string; csrf: string; purpose: 'sign_in' | 'sign_up' }): Rendered {
  const { t } = ctx;
  const signUp = form.purpose === 'sign_up';
  const title = signUp ? t('members.verify.signUpTitle') : t('members.verify.signInTitle');
  return {
    meta: meta(ctx, title),
    main: html`<section class="member-page">
  <h1>${title}</h1>
  <p>${signUp ? t('members.verify.signUpBody') : t('members.verify.signInBody')}</p>
  <form method="post" action="${signInPath(ctx)}/verify">
    ${csrfField(form.csrf)}
    <input type="hidden" name="token" value="${form.token}">
    <button type="submit">${signUp ? t('members.verify.signUpButton') : t('members.verify.signInButton')}</button>
  </form>
</section>`,
  };
}

export function invalidLinkView(ctx: PageContext): Rendered {
  const { t } = ctx;
  return messageView(ctx, t('members.verify.invalidTitle'), t('members.verify.invalidBody'), [
    { href: signInPath(ctx), label: t('members.verify.newLink') },
  ]);
}

/** A short page: a heading, a paragraph or two, and where to go next. */
export function messageView(
  ctx: PageContext,
  title: string,
  body: string | readonly string[],
  links: Array<{ href: string; label: string }> = [],
  extra?: SafeHtml,
): Rendered {
  const paragraphs = typeof body === 'string' ? [body] : body;
  return {
    meta: meta(ctx, title, paragraphs[0] ?? title),
    main: html`<section class="member-page error-page">
  <h1>${title}</h1>
  ${paragraphs.map((p) => html`<p>${p}</p>`)}
  ${extra ?? ''}
  ${links.map((l) => html`<p><a href="${l.href}">${l.label}</a></p>`)}
</section>`,
  };
}
