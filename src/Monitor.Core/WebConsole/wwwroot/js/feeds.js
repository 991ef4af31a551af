// Feeds: add, remove, poll now, and each feed's health (last poll, last success, failures and the error, next
// poll, items seen) in a table sortable by any column.
import { get, post, del } from './api.js';
import { h, time, errorNotice, field, badge, say } from './dom.js';

const columns = [
  { key: 'name', label: 'Feed', value: f => f.name || f.title || f.source },
  { key: 'health', label: 'Health', value: f => f.consecutiveFailures },
  { key: 'lastPollAt', label: 'Last poll', value: f => lastPoll(f) || '' },
  { key: 'lastSuccessAt', label: 'Last success', value: f => f.lastSuccessAt || '' },
  { key: 'nextPollAt', label: 'Next poll', value: f => f.nextPollAt || '' },
  { key: 'itemsSeen', label: 'Items seen', value: f => f.itemsSeen ?? 0 },
  { key: 'matchesFound', label: 'Matches', value: f => f.matchesFound ?? 0 },
];
const lastPoll = f => f.lastPollAt || [f.lastSuccessAt, f.lastErrorAt].filter(Boolean).sort().at(-1);
let sort = { key: 'name', ascending: true };

export async function renderFeeds(main) {
  const url = h('input', { id: 'feed-url', name: 'url', type: 'url', required: true, placeholder: 'https://example.com/rss', autocomplete: 'off' });
  const name = h('input', { id: 'feed-name', name: 'name', autocomplete: 'off' });
  const formError = h('div');
  const table = h('div', { className: 'table-wrap', id: 'feeds' });
  const form = h('form', { className: 'stack panel', id: 'feed-form', 'aria-labelledby': 'feed-form-title' },
    h('h2', { id: 'feed-form-title' }, 'Add a feed'), field('Feed URL', url), field('Name (optional)', name),
    h('div', { className: 'actions' }, h('button', { type: 'submit' }, 'Add feed')), formError);
  main.append(h('h1', {}, 'Feeds'), form, h('h2', {}, 'Health'), table);

  const refresh = async () => {
    try {
      table.replaceChildren(feedTable(await get('feeds'), refresh));
    } catch (error) {
      table.replaceChildren(errorNotice(error));
    }
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    formError.replaceChildren();
    const body = { url: url.value.trim() };
    if (name.value.trim()) body.name = name.value.trim();
    try {
      await post('feeds', body);
      say(`Feed ${body.url} added.`);
      form.reset();
      await refresh();
    } catch (error) {
      formError.replaceChildren(errorNotice(error));
    }
  });
  await refresh();
}

function feedTable(feeds, refresh) {
  const column = columns.find(c => c.key === sort.key);
  const sorted = [...feeds].sort((a, b) => {
    const x = column.value(a), y = column.value(b);
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.ascending ? order : -order;
  });
  const header = columns.map(c => h('th', { scope: 'col', 'aria-sort': c.key === sort.key ? (sort.ascending ? 'ascending' : 'descending') : 'none' },
    h('button', { type: 'button', onclick: () => { sort = { key: c.key, ascending: c.key === sort.key ? !sort.ascending : true }; refresh(); } }, c.label)));
  const rows = sorted.map(f => h('tr', { 'data-source': f.source },
    h('td', { 'data-label': 'Feed' }, h('strong', {}, f.name || f.title || f.source), f.name || f.title ? h('div', { className: 'muted' }, f.source) : null),
    h('td', { 'data-label': 'Health' }, f.lastSuccessAt || f.lastErrorAt
      ? (f.consecutiveFailures > 0 ? [badge(`failing ×${f.consecutiveFailures}`, 'failing'), h('div', {}, f.lastError || '')] : badge('ok', 'active'))
      : badge('never polled', 'pending')),
    h('td', { 'data-label': 'Last poll' }, time(lastPoll(f))),
    h('td', { 'data-label': 'Last success' }, time(f.lastSuccessAt)),
    h('td', { 'data-label': 'Next poll' }, f.nextPollAt ? time(f.nextPollAt) : 'now'),
    h('td', { 'data-label': 'Items seen' }, String(f.itemsSeen ?? 0)),
    h('td', { 'data-label': 'Matches' }, String(f.matchesFound ?? 0)),
    h('td', { 'data-label': 'Actions' }, h('div', { className: 'actions' },
      h('button', { type: 'button', className: 'secondary', 'aria-label': `Poll ${f.name || f.title || f.source} now`, onclick: () => act(() => post(`feeds/${encodeURIComponent(feedId(f))}/poll`), `Polled ${f.source}.`, refresh) }, 'Poll now'),
      h('button', { type: 'button', className: 'danger', 'aria-label': `Remove ${f.name || f.title || f.source}`, onclick: () => confirm(`Remove the feed ${f.source}?`) && act(() => del(`feeds/${encodeURIComponent(feedId(f))}`), `Removed ${f.source}.`, refresh) }, 'Remove')))));
  return h('table', { className: 'stack-sm' }, h('caption', { className: 'muted' }, `${feeds.length} feeds. Sort by a column's button.`),
    h('thead', {}, h('tr', {}, header, h('th', { scope: 'col' }, 'Actions'))), h('tbody', {}, rows));
}

const feedId = f => f.id || f.source;

async function act(call, done, refresh) {
  try {
    await call();
    say(done);
  } catch (error) {
    say(error.message, 'error');
  }
  await refresh();
}
