// The splitter's shared vocabulary: what each stage takes and gives. Types only, so every stage
// can import them and none imports another stage for a type.
import type { Dateline } from '../patterns';

/** What a line of the page is, as the splitter reads it. */
export type Kind = 'blank' | 'heading' | 'byline' | 'caption' | 'chrome' | 'body';

/** What the splitter knows of one line: worked out once by classify, read by the steps after it. */
export interface LineFacts {
  kind: Kind;
  /** The line opens with a dateline (本报讯（记者 陈元洪）…): an article starts there. */
  dateline?: Dateline;
  /** The line ends in a photo or writer's credit (记者 柯俊彬 摄): a caption ends there. */
  credit: boolean;
  /** Headline art printed twice (纳 凉纳 凉 is 纳凉): photo news's display headline. */
  doubled: boolean;
}

/**
 * What a capture's layout (a PDF's font sizes and positions) says a line is: `heading`, set in
 * headline type; `byline`, small type right under a headline; `furniture`, a running head or page
 * number; `text`, body type (not a headline; bylines, captions and editors' lines are still found in it);
 * `kicker`, `subtitle`: a headline block in smaller type over or under its title.
 */
export type LineHint = 'heading' | 'kicker' | 'subtitle' | 'byline' | 'furniture' | 'text' | undefined;

export interface ArticleParts {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  dateline?: string;
  paragraphs: string[];
  captions: string[];
}

export interface SplitOptions {
  /** The page's own title, for a page whose text has no headline. */
  fallbackTitle?: string;
  /** Per line, what the capture's layout says it is (a PDF's font sizes and positions): taken over the splitter's guess. */
  hints?: readonly LineHint[];
}

/** Role of a headline block inside its article's headline. */
export type Role = 'title' | 'kicker' | 'subtitle' | 'column';

export interface HeadingBlock {
  text: string;
  role: Role;
  /** Line index of the block's first line: its place on the page. */
  at: number;
  bylines: string[];
  /** Printed twice as display art (纳 凉纳 凉): a photo-news headline, never a column name. */
  doubled: boolean;
  /** The display headline of photo news: a title of its own, never a column name or kicker. */
  display?: boolean;
  /** What the layout's type sizes say the block is, over what its text looks like. */
  hinted?: 'kicker' | 'subtitle';
  /** A series' name over several headlines of the page (我家门口有文物): a label, never the title. */
  series?: boolean;
  /** The text of each line the block was printed on, when more than one. */
  parts?: string[];
}

/** A headline with the smaller blocks that go with it (kicker, subtitle, column name, byline). */
export interface HeadingUnit {
  main: HeadingBlock;
  extras: HeadingBlock[];
  /** The unit's words as probe ids of the page's ProbeIndex (set once the index is made). */
  terms: Int32Array;
  at: number;
}

export interface Segment {
  paragraphs: string[];
  at: number;
  /** The segment opens with a dateline (本报讯…), or goes on from another page under a jump line ((接第一版)), so it certainly starts an article. */
  opensArticle: boolean;
  /** Photo news: a caption-like text right under (or over) its own display headline. */
  photoNews: boolean;
  /** Photo news's display headline, already known from the layout. */
  displayHeadline?: HeadingBlock;
}

export interface Caption {
  text: string;
  at: number;
}

/** An article in the making: its headline units and paragraphs, and where on the page it starts. */
export interface Draft {
  units: HeadingUnit[];
  paragraphs: string[];
  at: number;
  byline?: string;
  segment: Segment;
}
