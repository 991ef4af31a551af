// Matches: newest first, filtered by topic, feed, language and date; each with its reason, snippet, sources, and
// relevant / not relevant buttons whose feedback may produce suggested edits of the topic.
import { get, post } from './api.js';
import { h, snippet, reason, time, errorNotice, field, say } from './dom.js';

const LIMIT = 500;

export async function renderMatches(main, [topicParam]) {
  const topics = await get('topics');
  const topic = h('select', { id: 'filter-topic' }, h('option', { value: '' }, 'All topics'),
    topics.map(t => h('option', { value: t.id, selected: t.id === topicParam }, t.name)));
  const feed = h('select', { id: 'filter-feed' }, h('option', { value: '' }, 'All feeds'));
  const language = h('select', { id: 'filter-language' }, h('option', { value: '' }, 'All languages'));
  const since = h('input', { id: 'filter-since', type: 'date' });
  const list = h('ul', { className: 'list', id: 'match-list', 'aria-label': 'Matches' });
  const count = h('p', { className: 'muted', id: 'match-count', 'aria-live': 'polite' });
  main.append(h('h1', {}, 'Matches'),
    h('form', { className: 'filters panel', role: 'search', 'aria-label': 'Filter matches', onsubmit: e => e.preventDefault() },
      field('Topic', topic), field('Feed', feed), field('Language', language), field('Matched since', since)),
    count, list);

  let matches = [];
  const load = async () => {
    const query = new URLSearchParams({ limit: String(LIMIT) });
    if (topic.value) query.set('topic', topic.value);
    if (since.value) query.set('since', `${since.value}T00:00:00Z`);
    try {
      matches = await get(`matches?${query}`);
    } catch (error) {
      list.replaceChildren(errorNotice(error));
      return;
    }
    fillOptions(feed, new Set(matches.flatMap(sourcesOf)));
    fillOptions(language, new Set(matches.map(languageOf).filter(Boolean)));
    show();
  };
  const show = () => {
    const shown = matches.filter(m => (!feed.value || sourcesOf(m).includes(feed.value)) && (!language.value || languageOf(m) === language.value));
    count.textContent = `${shown.length} matches${shown.length === LIMIT ? ' (the newest)' : ''}, newest first.`;
    list.replaceChildren(...shown.map(matchCard));
  };
  topic.addEventListener('change', load);
  since.addEventListener('change', load);
  feed.addEventListener('change', show);
  language.addEventListener('change', show);
  await load();
}

function fillOptions(select, values) {
  const current = select.value;
  select.replaceChildren(select.options[0], ...[...values].sort().map(v => h('option', { value: v, selected: v === current }, v)));
}

const sourcesOf = m => (m.sources && m.sources.length ? m.sources : [m.item.feed]);
const languageOf = m => m.language || m.item.language || '';
const matchId = m => m.id || `${m.topic}/${m.storyKey}`;

function matchCard(m) {
  const suggestions = h('div', { className: 'suggestions', 'aria-live': 'polite' });
  const feedback = relevant => async event => {
    const buttons = event.currentTarget.parentElement.querySelectorAll('button');
    buttons.forEach(b => { b.disabled = true; });
    try {
      await post(`matches/${encodeURIComponent(matchId(m))}/feedback`, { relevant });
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.relevant === String(relevant)));
      say(`Thanks: "${m.item.title}" marked ${relevant ? 'relevant' : 'not relevant'}.`);
      suggestions.replaceChildren(...await suggestionsFor(m.topic));
    } catch (error) {
      suggestions.replaceChildren(errorNotice(error));
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  };
  const sources = sourcesOf(m);
  return h('li', { className: 'card match', 'data-topic': m.topic },
    h('h3', {}, m.item.link ? h('a', { href: m.canonicalLink || m.item.link, rel: 'noopener noreferrer', target: '_blank' }, m.item.title) : m.item.title),
    h('p', { className: 'meta' }, h('span', {}, `Topic: ${m.topicName || m.topic}`), h('span', {}, 'Matched ', time(m.matchedAt)),
      m.item.published ? h('span', {}, 'Published ', time(m.item.published)) : null, languageOf(m) ? h('span', {}, `Language: ${languageOf(m)}`) : null),
    snippet(m.snippet),
    h('p', { className: 'reason' }, reason(m)),
    sources.length > 1
      ? h('details', {}, h('summary', {}, `Merged story: carried by ${sources.length} feeds`), h('ul', {}, sources.map(s => h('li', {}, s))))
      : h('p', { className: 'meta' }, `Source: ${sources[0]}`),
    h('div', { className: 'actions', role: 'group', 'aria-label': `Feedback on ${m.item.title}` },
      h('button', { type: 'button', className: 'secondary', 'data-relevant': 'true', 'aria-pressed': 'false', onclick: feedback(true) }, 'Relevant'),
      h('button', { type: 'button', className: 'secondary', 'data-relevant': 'false', 'aria-pressed': 'false', onclick: feedback(false) }, 'Not relevant')),
    suggestions);
}

async function suggestionsFor(topicId) {
  const answer = await get(`topics/${encodeURIComponent(topicId)}/suggestions`);
  const list = Array.isArray(answer) ? answer : answer?.suggestions || [];
  if (!list.length) return [h('p', { className: 'muted' }, 'No suggested edits for this topic yet.')];
  return [h('h4', {}, 'Suggested edits'), h('ul', {}, list.map(s => h('li', {},
    h('span', { className: 'query' }, s.query || s.edit || s.description || JSON.stringify(s)),
    s.gained !== undefined || s.lost !== undefined ? ` — gains ${s.gained ?? 0}, loses ${s.lost ?? 0}` : '',
    s.reason || s.why ? h('p', { className: 'reason' }, s.reason || s.why) : null)))];
}
