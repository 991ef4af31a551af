#!/usr/bin/env python3
"""Writes the data for the "monitor scan: 5,000 items at 10 and 10,000 topics" measurement (docs/BENCHMARKS.md).

usage: make_scale_data.py OUT_DIR

OUT_DIR/feed0.xml, feed1.xml  5,000 RSS items (2 x 2,500) of ~2 KB: 10-word titles, 250-word summaries of
                              made-up words built from 20 syllables, plus a few real words (Japan, Shikotan, ...).
OUT_DIR/t10.json              the seed topics (seeds/topics.json) + 6 generated topics.
OUT_DIR/t10000.json           ADVERSARIAL: the seed topics + 9,996 topics '("w w" OR w*) -w' whose words come from
                              the same syllables as the items', so an item is a candidate for ~80 topics and
                              matches ~80 (405,000 matches in all).
OUT_DIR/t10000-real.json      REALISTIC: the seed topics + 9,996 topics in four shapes (phrase OR word, prefix
                              with exclusion, NEAR/5, title:) over a disjoint syllable set, so almost no item is
                              a candidate: as in a real watch list, most topics name things an item does not mention.
OUT_DIR/t10000-moderate.json  BETWEEN: the realistic set with one topic in 40 replaced by a word of the items' own
                              vocabulary, so each item matches ~12 topics (as 10,000 words picked from a dictionary
                              would match a news story's few words that happen to be among them).
"""
import json, os, random, sys

out = sys.argv[1] if len(sys.argv) > 1 else '.'
os.makedirs(out, exist_ok=True)
repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..')
seed = json.load(open(os.path.join(repo, 'seeds', 'topics.json'), encoding='utf-8'))

random.seed(1)
syll = ['ka', 'to', 'mi', 'ra', 'shi', 'ko', 'tan', 'bo', 'ma', 'ru', 'ni', 've', 'lo', 'sa', 'de', 'gri', 'po', 'za', 'nu', 'fe']
# sorted: a set's order changes with Python's per-process string hashing, and the data must not.
vocab = sorted({''.join(random.choice(syll) for _ in range(random.randint(2, 4))) for _ in range(40000)})[:5000]
vocab += ['Japan', 'Russia', 'peace', 'treaty', 'Shikotan', 'islands', 'minister', 'talks', 'government', 'said']
items = []
for i in range(5000):
    title = ' '.join(random.choice(vocab) for _ in range(10))
    body = ' '.join(random.choice(vocab) for _ in range(250))
    items.append(f'<item><title>{title}</title><guid>g{i}</guid><link>http://x.example/{i}</link><description>{body}</description></item>')
head = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://x.example</link><description>d</description>'
for k in range(2):
    with open(os.path.join(out, f'feed{k}.xml'), 'w', encoding='utf-8') as f:
        f.write(head + ''.join(items[k * 2500:(k + 1) * 2500]) + '</channel></rss>')


def adversarial(n):
    random.seed(2)
    syll2 = syll + ['qu', 'xo']
    w = lambda: ''.join(random.choice(syll2) for _ in range(random.randint(3, 5)))
    return list(seed) + [{'id': f't{i}', 'name': f't{i}', 'query': f'("{w()} {w()}" OR {w()}*) -{w()}'} for i in range(n - len(seed))]


def realistic(n):
    random.seed(3)
    syll3 = ['xe', 'tr', 'ph', 'wi', 'gl', 'qa', 'vy', 'ky', 'zu', 'jo']  # none of these occur in the items' words
    w = lambda: ''.join(random.choice(syll3) for _ in range(random.choice([3, 4, 5])))
    shapes = [lambda: f'"{w()} {w()}" OR {w()}', lambda: f'{w()}* -{w()}',
              lambda: f'({w()} OR {w()}) NEAR/5 {w()}', lambda: f'title:{w()} OR {w()}']
    return list(seed) + [{'id': f'r{i}', 'name': f'r{i}', 'query': shapes[i % 4]()} for i in range(n - len(seed))]


def moderate(n):
    topics = realistic(n)
    random.seed(4)
    for i in range(len(seed), n, 40):
        topics[i] = {'id': f'm{i}', 'name': f'm{i}', 'query': random.choice(vocab[:5000])}
    return topics


for name, topics in [('t10.json', adversarial(10)), ('t10000.json', adversarial(10000)), ('t10000-real.json', realistic(10000)),
                     ('t10000-moderate.json', moderate(10000))]:
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        json.dump(topics, f)
