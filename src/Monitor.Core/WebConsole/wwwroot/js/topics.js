// Topics: the list with matches per day, create and edit with the query checked as you type, and a live test
// (POST /api/topics/backtest) showing what the query would have caught over the last days and what changes
// against the saved query.
import { get, post, put, del } from './api.js';
import { h, snippet, reason, debounce, errorNotice, field, badge, day, lastDays, say, go } from './dom.js';

const DAYS = 7;

export async function renderTopics(main, [editId]) {
  const [topics, matches] = await Promise.all([
    get('topics'),
    get(`matches?since=${encodeURIComponent(new Date(Date.now() - DAYS * 86400000).toISOString())}&limit=1000`),
  ]);
  const editing = editId ? topics.find(t => t.id === editId) : null;
  main.append(
    h('h1', {}, 'Topics'),
    editor(editing),
    h('h2', {}, 'All topics'),
    h('p', { className: 'muted' }, `Matches per day over the last ${DAYS} days (UTC).`),
    h('ul', { className: 'list', 'aria-label': 'Topics' }, topics.map(t => topicCard(t, matches))));
}

function countsByDay(topicId, matches) {
  const counts = new Map();
  for (const m of matches) {
    if (m.topic !== topicId) continue;
    const d = m.matchedAt.slice(0, 10);
    counts.set(d, (counts.get(d) || 0) + 1);
  }
  return counts;
}

function topicCard(topic, matches) {
  const counts = countsByDay(topic.id, matches);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return h('li', { className: 'card', 'data-topic': topic.id },
    h('h3', {}, topic.name, ' ', h('span', { className: 'muted' }, `(${topic.id})`)),
    topic.query.length > 160
      ? h('details', {}, h('summary', { className: 'query' }, `${topic.query.slice(0, 160)}…`), h('p', { className: 'query' }, topic.query))
      : h('p', { className: 'query' }, topic.query),
    h('ol', { className: 'days', 'aria-label': `${topic.name}: ${total} matches in ${DAYS} days` },
      lastDays(DAYS).map(d => h('li', { className: counts.get(d) ? 'some' : '', title: `${d}: ${counts.get(d) || 0} matches` },
        h('small', {}, day(d)), String(counts.get(d) || 0)))),
    h('div', { className: 'actions' },
      h('a', { href: `#/matches/${encodeURIComponent(topic.id)}`, 'aria-label': `Matches of ${topic.name}` }, 'Matches'),
      h('a', { href: `#/topics/${encodeURIComponent(topic.id)}`, 'aria-label': `${topic.source === 'custom' ? 'Edit and test' : 'Test a variant of'} ${topic.name}` },
        topic.source === 'custom' ? 'Edit and test' : 'Test a variant'),
      topic.source === 'custom' ? h('button', { className: 'danger', type: 'button', 'aria-label': `Delete topic ${topic.name}`, onclick: () => remove(topic) }, 'Delete') : null));
}

async function remove(topic) {
  if (!confirm(`Delete the topic "${topic.name}"?`)) return;
  try {
    await del(`topics/${encodeURIComponent(topic.id)}`);
  } catch (error) {
    if (error.status !== 409 || !confirm(`${error.message}\n\nDelete it anyway?`)) { say(error.message, 'error'); return; }
    try { await del(`topics/${encodeURIComponent(topic.id)}?force=true`); } catch (again) { say(again.message, 'error'); return; }
  }
  go('#/topics', `Topic "${topic.name}" deleted.`);
}

/** The create / edit form. Editing a file topic creates a variant (a new custom topic) compared with the original. */
function editor(topic) {
  const isEdit = topic?.source === 'custom';
  const id = h('input', { id: 'topic-id', name: 'id', required: true, pattern: '[a-z0-9][a-z0-9-]{0,63}', value: isEdit ? topic.id : '', readOnly: isEdit, autocomplete: 'off' });
  const name = h('input', { id: 'topic-name', name: 'name', required: true, value: topic?.name ?? '', autocomplete: 'off' });
  const query = h('textarea', { id: 'topic-query', name: 'query', required: true, spellcheck: false, value: topic?.query ?? '' });
  const since = h('select', { id: 'topic-since', name: 'since' }, ['1d', '3d', '7d', '14d', '31d'].map(v => h('option', { value: v, selected: v === '7d' }, v.replace('d', ' days').replace(/^1 days$/, '1 day'))));
  const queryError = h('div', { id: 'query-error', 'aria-live': 'polite' });
  query.setAttribute('aria-describedby', 'query-error query-hint');
  const results = h('section', { id: 'live-test', 'aria-labelledby': 'live-test-title', 'aria-live': 'polite' });
  const formError = h('div');

  const test = async () => {
    const text = query.value.trim();
    if (!text) { queryError.replaceChildren(); query.removeAttribute('aria-invalid'); results.replaceChildren(); return; }
    const body = { query: text, since: since.value };
    if (topic) body.compareWith = topic.id;
    try {
      const result = await post('topics/backtest', body);
      if (query.value.trim() !== text) return; // a newer keystroke is on its way
      query.removeAttribute('aria-invalid');
      queryError.replaceChildren();
      results.replaceChildren(...liveTest(result));
    } catch (error) {
      if (query.value.trim() !== text) return;
      if (error.status === 400 && typeof error.problem.position === 'number') {
        query.setAttribute('aria-invalid', 'true');
        queryError.replaceChildren(errorAt(text, error.problem.position, error.message));
      } else {
        queryError.replaceChildren(errorNotice(error));
      }
      results.replaceChildren();
    }
  };
  const retest = debounce(test, 300);
  query.addEventListener('input', retest);
  since.addEventListener('change', test);

  const form = h('form', { className: 'stack panel', id: 'topic-form', 'aria-labelledby': 'topic-form-title', novalidate: false },
    h('h2', { id: 'topic-form-title' }, isEdit ? `Edit ${topic.name}` : topic ? `New topic based on ${topic.name}` : 'New topic'),
    field('Id', id, 'Lower-case letters, digits and dashes.'),
    field('Name', name),
    field('Query', query, 'Words, "phrases", OR, -exclusions, (groups), NEAR/n, prefix*, title:word. Checked and tested as you type.'),
    queryError,
    field('Test over the last', since),
    h('div', { className: 'actions' },
      h('button', { type: 'submit' }, isEdit ? 'Save changes' : 'Create topic'),
      topic ? h('a', { href: '#/topics' }, 'Cancel') : null),
    formError,
    results);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    formError.replaceChildren();
    try {
      if (isEdit) await put(`topics/${encodeURIComponent(topic.id)}`, { name: name.value.trim(), query: query.value });
      else await post('topics', { id: id.value.trim(), name: name.value.trim(), query: query.value });
      go('#/topics', isEdit ? `Topic "${name.value.trim()}" saved.` : `Topic "${name.value.trim()}" created.`);
    } catch (error) {
      if (typeof error.problem?.position === 'number') {
        query.setAttribute('aria-invalid', 'true');
        queryError.replaceChildren(errorAt(query.value, error.problem.position, error.message));
        query.focus();
      } else {
        formError.replaceChildren(errorNotice(error));
      }
    }
  });
  if (query.value) queueMicrotask(test);
  return form;
}

/** The query with the character at the error's position marked, and the message. */
function errorAt(text, position, message) {
  const at = Math.min(position, text.length);
  return h('div', { className: 'notice error', role: 'alert' },
    h('p', {}, message),
    h('p', { className: 'error-at', 'aria-hidden': 'true' }, text.slice(0, at), h('mark', {}, text.slice(at, at + 1) || ' '), text.slice(at + 1)));
}

function liveTest(result) {
  const nodes = [
    h('h2', { id: 'live-test-title' }, 'Live test'),
    h('p', { id: 'live-summary' }, `${result.matched} of ${result.itemsExamined} items seen since ${new Date(result.since).toLocaleString()} would match.`),
  ];
  const c = result.comparison;
  if (c) {
    nodes.push(h('p', { id: 'live-comparison' }, `Against the saved query of "${c.topicId}": ${c.caught.length} newly caught, ${c.dropped.length} dropped, ${c.kept} kept.`));
    if (c.caught.length) nodes.push(h('h3', {}, 'Newly caught'), h('ul', { className: 'list' }, c.caught.map(hitCard)));
    if (c.dropped.length) nodes.push(h('h3', {}, 'Dropped'), h('ul', { className: 'list' }, c.dropped.map(hitCard)));
  }
  for (const d of result.days) {
    nodes.push(h('h3', {}, `${day(d.date)}: ${d.matched}`), h('ul', { className: 'list' }, d.items.map(hitCard)));
  }
  if (result.truncated) nodes.push(h('p', { className: 'muted' }, 'Only the newest items are listed; the counts are complete.'));
  return nodes;
}

function hitCard(hit) {
  return h('li', { className: 'card hit' },
    h('h4', {}, hit.item.link ? h('a', { href: hit.item.link, rel: 'noopener noreferrer', target: '_blank' }, hit.item.title) : hit.item.title,
      hit.change && hit.change !== 'kept' ? [' ', badge(hit.change)] : null),
    snippet(hit.snippet),
    h('p', { className: 'reason' }, reason(hit)),
    h('p', { className: 'meta' }, h('span', {}, hit.item.feed), h('span', {}, new Date(hit.seenAt).toLocaleString())));
}
