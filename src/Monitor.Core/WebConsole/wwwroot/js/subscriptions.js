// Subscriptions: create (the secret is shown once, with a copy button), status, send a test, rotate the secret,
// delete; each subscription's deliveries with every attempt (status code, latency, error) and replay.
import { get, post, del } from './api.js';
import { h, time, errorNotice, field, badge, say } from './dom.js';

const CHANNELS = ['webhook', 'slack', 'teams', 'discord', 'email'];

export async function renderSubscriptions(main) {
  const [topics, subscriptions] = await Promise.all([get('topics'), get('subscriptions')]);
  const secretArea = h('div', { id: 'secret-area', 'aria-live': 'polite' });
  const list = h('ul', { className: 'list', id: 'subscription-list', 'aria-label': 'Subscriptions' });
  const refresh = async () => {
    try {
      list.replaceChildren(...cards(await get('subscriptions'), refresh, secretArea));
    } catch (error) {
      list.replaceChildren(errorNotice(error));
    }
  };
  main.append(h('h1', {}, 'Subscriptions'), createForm(topics, refresh, secretArea), secretArea, h('h2', {}, 'All subscriptions'), list);
  list.replaceChildren(...cards(subscriptions, refresh, secretArea));
}

const cards = (subscriptions, refresh, secretArea) => subscriptions.length
  ? subscriptions.map(s => subscriptionCard(s, refresh, secretArea))
  : [h('li', { className: 'muted' }, 'No subscriptions yet.')];

function createForm(topics, refresh, secretArea) {
  const url = h('input', { id: 'subscription-url', name: 'url', required: true, autocomplete: 'off', placeholder: 'https://example.com/hooks/news' });
  const channel = h('select', { id: 'subscription-channel', name: 'channel' }, CHANNELS.map(c => h('option', { value: c }, c)));
  const boxes = topics.map(t => h('input', { type: 'checkbox', id: `sub-topic-${t.id}`, name: 'topics', value: t.id }));
  const formError = h('div');
  const form = h('form', { className: 'stack panel', id: 'subscription-form', 'aria-labelledby': 'subscription-form-title' },
    h('h2', { id: 'subscription-form-title' }, 'New subscription'),
    field('URL or address', url, 'A webhook URL (it must echo GET ?challenge= to be verified), or the address of the chosen channel.'),
    field('Channel', channel),
    h('fieldset', {}, h('legend', {}, 'Topics'), boxes.map((box, i) => h('div', {}, box, ' ', h('label', { for: box.id }, topics[i].name)))),
    h('div', { className: 'actions' }, h('button', { type: 'submit' }, 'Subscribe')), formError);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    formError.replaceChildren();
    const body = { url: url.value.trim(), topics: boxes.filter(b => b.checked).map(b => b.value) };
    if (channel.value !== 'webhook') body.channel = channel.value; // the default; older services do not know the field
    try {
      const created = await post('subscriptions', body);
      form.reset();
      showSecret(secretArea, created, 'Subscription created');
      await refresh();
    } catch (error) {
      formError.replaceChildren(errorNotice(error));
    }
  });
  return form;
}

/** Shows a secret once, with a copy button; it is never shown again by the service. */
function showSecret(area, subscription, title) {
  if (!subscription.secret) { area.replaceChildren(); return; }
  const secret = h('p', { className: 'secret', id: 'secret-value' }, subscription.secret);
  const copied = h('span', { 'aria-live': 'polite' });
  area.replaceChildren(h('div', { className: 'notice ok', role: 'alert' },
    h('h2', {}, title),
    h('p', {}, `Signing secret for ${subscription.url}. Copy it now: it is shown only this once.`),
    secret,
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'copy-secret', onclick: async () => {
        try {
          await navigator.clipboard.writeText(subscription.secret);
          copied.textContent = 'Copied.';
        } catch {
          getSelection().selectAllChildren(secret);
          copied.textContent = 'Selected: press Ctrl+C to copy.';
        }
      } }, 'Copy secret'),
      h('button', { type: 'button', className: 'secondary', onclick: () => area.replaceChildren() }, 'I have stored it'),
      copied)));
  area.querySelector('#copy-secret').focus();
}

function subscriptionCard(s, refresh, secretArea) {
  const deliveries = h('div', { className: 'deliveries' });
  const result = h('div', { 'aria-live': 'polite' });
  const run = (call, done) => async () => {
    result.replaceChildren();
    try {
      const answer = await call();
      if (done) result.replaceChildren(h('p', { className: 'notice ok' }, done(answer)));
      await refresh();
    } catch (error) {
      result.replaceChildren(errorNotice(error));
    }
  };
  const details = h('details', { 'data-subscription': s.id },
    h('summary', {}, 'Deliveries'), deliveries);
  details.addEventListener('toggle', () => { if (details.open) loadDeliveries(s.id, deliveries); });
  return h('li', { className: 'card subscription', 'data-id': s.id },
    h('h3', {}, s.url),
    h('p', { className: 'meta' }, badge(s.status), s.channel ? h('span', {}, `Channel: ${s.channel}`) : null,
      h('span', {}, `Topics: ${s.topics.join(', ')}`), h('span', {}, 'Created ', time(s.createdAt)), s.verifiedAt ? h('span', {}, 'Verified ', time(s.verifiedAt)) : null),
    s.statusReason ? h('p', { className: 'reason' }, s.statusReason) : null,
    h('div', { className: 'actions' },
      h('button', { type: 'button', className: 'secondary', 'aria-label': `Send a test event to ${s.url}`,
        onclick: run(() => post(`subscriptions/${encodeURIComponent(s.id)}/test`), a => `Test sent: ${a.outcome}${a.statusCode ? `, HTTP ${a.statusCode}` : ''}, ${Math.round(a.latencyMs)} ms${a.error ? `: ${a.error}` : ''}.`) }, 'Send test'),
      h('button', { type: 'button', className: 'secondary', 'aria-label': `Rotate the secret of ${s.url}`,
        onclick: async () => {
          if (!confirm('Issue a new secret? The old one keeps signing for 24 hours.')) return;
          try { showSecret(secretArea, await post(`subscriptions/${encodeURIComponent(s.id)}/rotate-secret`), 'Secret rotated'); } catch (error) { say(error.message, 'error'); }
        } }, 'Rotate secret'),
      h('button', { type: 'button', className: 'danger', 'aria-label': `Delete the subscription of ${s.url}`,
        onclick: () => confirm(`Delete the subscription of ${s.url}?`) && run(() => del(`subscriptions/${encodeURIComponent(s.id)}`), () => 'Deleted.')() }, 'Delete')),
    result, details);
}

async function loadDeliveries(subscriptionId, container) {
  let list;
  try {
    list = await get(`subscriptions/${encodeURIComponent(subscriptionId)}/deliveries`);
  } catch (error) {
    container.replaceChildren(errorNotice(error));
    return;
  }
  if (!list.length) { container.replaceChildren(h('p', { className: 'muted' }, 'No alerts yet.')); return; }
  const rows = list.map(d => h('tr', { 'data-delivery': d.id },
    h('td', { 'data-label': 'Alert' }, h('span', { className: 'query' }, d.id), h('div', { className: 'muted' }, `Topic ${d.topicId}`)),
    h('td', { 'data-label': 'Status' }, badge(d.status), d.replays ? h('div', { className: 'muted' }, `${d.replays} replays`) : null,
      d.nextAttemptAt ? h('div', { className: 'muted' }, 'Next attempt ', time(d.nextAttemptAt)) : null),
    h('td', { 'data-label': 'Attempts' }, d.attempts.length
      ? h('ol', {}, d.attempts.map(a => h('li', {}, time(a.at), ` — ${a.outcome}${a.statusCode ? `, HTTP ${a.statusCode}` : ''}, ${Math.round(a.latencyMs)} ms`, a.error ? h('div', { className: 'reason' }, a.error) : null)))
      : 'none yet'),
    h('td', { 'data-label': 'Replay' }, d.status === 'pending' ? '—' : h('button', { type: 'button', className: 'secondary', 'aria-label': `Replay alert ${d.id}`,
      onclick: async () => {
        try {
          await post(`deliveries/${encodeURIComponent(d.id)}/replay`);
          say('Replay queued.');
        } catch (error) {
          say(error.message, 'error');
        }
        await loadDeliveries(subscriptionId, container);
      } }, 'Replay'))));
  container.replaceChildren(h('div', { className: 'table-wrap' }, h('table', { className: 'stack-sm' },
    h('thead', {}, h('tr', {}, ['Alert', 'Status', 'Attempts', 'Replay'].map(c => h('th', { scope: 'col' }, c)))), h('tbody', {}, rows))),
    h('button', { type: 'button', className: 'secondary', onclick: () => loadDeliveries(subscriptionId, container) }, 'Refresh deliveries'));
}
