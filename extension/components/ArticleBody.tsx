// One saved article's text, whole: the popup and the Worker's web reader both draw it with this.
// Free of extension APIs (no `browser.*`), so a plain web page can import it. Every field is
// rendered as text: saved pages cannot inject markup.
import type { ComponentChildren } from 'preact';
import type { Article, ArticleBlock } from '../../shared/src/schemas';
import { messages } from '../utils/i18n';

export function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/** The date part of an ISO date or date-time, as the page gave it. */
function publishedDate(publishedAt: string | undefined): string | undefined {
  return publishedAt?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? publishedAt;
}

/** Body blocks grouped for drawing: consecutive list items become one list. */
type Group = { kind: 'list'; items: ArticleBlock[] } | { kind: 'block'; block: ArticleBlock };

function groupBlocks(blocks: ArticleBlock[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'list-item' && last?.kind === 'list') last.items.push(block);
    else if (block.kind === 'list-item') groups.push({ kind: 'list', items: [block] });
    else groups.push({ kind: 'block', block });
  }
  return groups;
}

/** The article title is an h2 here, so a section heading of level 2 is an h3, and so on down to h6. */
function Heading({ level, children }: { level: number | undefined; children: ComponentChildren }) {
  const depth = Math.min(6, Math.max(3, (level ?? 2) + 1));
  const Tag = `h${depth}` as 'h3';
  return <Tag class="section-heading">{children}</Tag>;
}

function Caption({ text, credit }: { text: string; credit?: string }) {
  return (
    <p class="caption">
      {text}
      {credit && <span class="credit"> {credit}</span>}
    </p>
  );
}

function Block({ block }: { block: ArticleBlock }) {
  switch (block.kind) {
    case 'heading':
      return <Heading level={block.level}>{block.text}</Heading>;
    case 'quote':
      return <blockquote>{block.text}</blockquote>;
    case 'caption':
      return <Caption text={block.text} credit={block.credit} />;
    case 'table':
      return <div class="table">{block.text}</div>;
    default:
      return <p>{block.text}</p>;
  }
}

export function ArticleBody({ article }: { article: Article }) {
  const labels = messages();
  const credit = [article.byline, article.dateline, article.siteName, publishedDate(article.publishedAt)].filter(Boolean);
  return (
    <div class="article-body" lang={article.lang}>
      {article.kicker && <p class="kicker">{article.kicker}</p>}
      <h2>{article.title}</h2>
      {article.subtitle && <p class="subtitle">{article.subtitle}</p>}
      {credit.length > 0 && <p class="byline">{credit.join(' · ')}</p>}
      {article.summary && (
        <section class="summary" aria-label={labels.summary}>
          <span class="label">{labels.summary}</span>
          <p>{article.summary}</p>
        </section>
      )}
      {article.keywords.length > 0 && (
        <ul class="keywords" aria-label={labels.keywords}>
          {article.keywords.map((keyword) => (
            <li key={keyword}>{keyword}</li>
          ))}
        </ul>
      )}
      <div class="text" data-testid="article-text">
        {article.blocks && article.blocks.length > 0
          ? groupBlocks(article.blocks).map((group, index) =>
              group.kind === 'list' ? (
                <ul key={index}>
                  {group.items.map((item, itemIndex) => (
                    <li key={itemIndex}>{item.text}</li>
                  ))}
                </ul>
              ) : (
                <Block key={index} block={group.block} />
              ),
            )
          : [
              ...article.paragraphs.map((paragraph, index) => <p key={`p${index}`}>{paragraph}</p>),
              ...article.captions.map((caption, index) => <Caption key={`c${index}`} text={caption} />),
            ]}
      </div>
      {isWebAddress(article.url) && (
        <p class="source">
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {labels.openSource}
          </a>
        </p>
      )}
    </div>
  );
}
