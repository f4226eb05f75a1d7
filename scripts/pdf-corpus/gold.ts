// The gold split of a typeset page, read from the HTML that was printed: every element marked
// data-gold (title, kicker, subtitle, byline, para, caption) belongs to the story named by its data-art.
import { Window } from 'happy-dom';
import type { GoldArticle, GoldPage } from '../lib/score';
import { cleanForGold } from '../lib/text';

export function goldFromHtml(html: string, source: string): GoldPage {
  const window = new Window();
  try {
    const document = window.document;
    document.write(html);
    const byStory = new Map<string, GoldArticle>();
    for (const element of Array.from(document.querySelectorAll('[data-gold]'))) {
      const id = element.getAttribute('data-art') ?? '';
      const role = element.getAttribute('data-gold');
      const text = cleanForGold(element.textContent ?? '');
      if (!text) continue;
      const article = byStory.get(id) ?? { title: '', accept_titles: [], paragraphs: [], captions: [] };
      byStory.set(id, article);
      if (role === 'title') {
        article.title = text;
        article.accept_titles = [text];
      } else if (role === 'kicker') article.kicker = text;
      else if (role === 'subtitle') article.subtitle = text;
      else if (role === 'byline') article.byline = text;
      else if (role === 'para') article.paragraphs.push(text);
      else if (role === 'caption') article.captions.push(text);
    }
    // Story ids end in their place on the source page: keep that order (the content stream may not).
    const order = (id: string) => id.replace(/-(\d+)$/, (_m, n: string) => `-${n.padStart(3, '0')}`);
    const articles = [...byStory.entries()].sort(([a], [b]) => order(a).localeCompare(order(b))).map(([, article]) => article);
    for (const article of articles) if (!article.title) throw new Error(`${source}: a story without a printed title`);
    return { source, articles };
  } finally {
    void window.happyDOM.close();
  }
}
