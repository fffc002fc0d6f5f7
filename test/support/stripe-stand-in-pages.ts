import type { WireCheckoutSession, WirePortalSession, WireSubscription } from './stripe-stand-in-objects.js';

/** The stand-in's hosted pages: just enough HTML for a browser (or fetch) to click through. */

export function checkoutPage(
  session: WireCheckoutSession,
  price: { id: string; amount: number; currency: string; interval: string },
  trialDays: number | null,
): string {
  const amount = `${(price.amount / 100).toFixed(2)} ${price.currency.toUpperCase()} / ${price.interval}`;
  const body =
    session.status === 'open'
      ? `<form method="post" action="/checkout/${esc(session.id)}">
  <p>Subscribe to <code data-price>${esc(price.id)}</code> for <strong>${esc(amount)}</strong>${trialDays ? ` after a ${trialDays}-day trial` : ''}.</p>
  <p>Email: <span data-email>${esc(session.customer_email ?? '(customer on file)')}</span></p>
  <button type="submit" name="pay" value="1">Pay</button>
</form>
${session.cancel_url ? `<p><a href="${esc(session.cancel_url)}" data-cancel>Back</a></p>` : ''}`
      : `<p data-status="${esc(session.status)}">This checkout session is ${esc(session.status)}.</p>`;
  return page(session.locale, 'Stripe stand-in checkout', body);
}

export function checkoutDonePage(session: WireCheckoutSession): string {
  return page(session.locale, 'Payment complete', `<p data-status="complete">Thanks, checkout ${esc(session.id)} is complete.</p>`);
}

export function portalPage(session: WirePortalSession, subscriptions: WireSubscription[]): string {
  const rows = subscriptions
    .map((sub) => {
      const ending = sub.cancel_at_period_end;
      const action =
        sub.status === 'canceled'
          ? ''
          : `<form method="post" action="/billing_portal/${esc(session.id)}/${ending ? 'renew' : 'cancel'}">
      <input type="hidden" name="subscription" value="${esc(sub.id)}">
      <button type="submit">${ending ? 'Renew subscription' : 'Cancel subscription'}</button>
    </form>`;
      return `<li data-subscription="${esc(sub.id)}" data-status="${esc(sub.status)}">${esc(sub.id)}: ${esc(sub.status)}${ending ? ' (ends at period end)' : ''}${action}</li>`;
    })
    .join('\n');
  const back = session.return_url ? `<p><a href="${esc(session.return_url)}" data-return>Return</a></p>` : '';
  return page(session.locale, 'Stripe stand-in customer portal', `<ul>${rows}</ul>${back}`);
}

export function notFoundPage(): string {
  return page('en', 'Not found', '<p>Nothing here.</p>');
}

function page(locale: string | null, title: string, body: string): string {
  return `<!doctype html><html lang="${esc(locale && locale !== 'auto' ? locale : 'en')}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
