// The console's router: one page per hash (#/topics, #/matches, #/feeds, #/subscriptions), rendered into <main>.
import { renderTopics } from './topics.js';
import { renderMatches } from './matches.js';
import { renderFeeds } from './feeds.js';
import { renderSubscriptions } from './subscriptions.js';
import { errorNotice, say, takeCarried } from './dom.js';

const pages = { topics: renderTopics, matches: renderMatches, feeds: renderFeeds, subscriptions: renderSubscriptions };
let firstRender = true;

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = pages[name] ? name : 'topics';
  for (const link of document.querySelectorAll('nav a[data-page]')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  say(takeCarried() || '');
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    await pages[page](main, rest.map(decodeURIComponent));
  } catch (error) {
    main.append(errorNotice(error));
  } finally {
    main.removeAttribute('aria-busy');
    document.title = `${main.querySelector('h1')?.textContent || 'Console'} · NewsMonitor`;
    // Move keyboard focus to the new page, except on the first load (focus stays where the browser put it).
    if (!firstRender) main.focus();
    firstRender = false;
  }
}

window.addEventListener('hashchange', route);
route();
