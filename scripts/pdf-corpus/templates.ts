// Page templates, grouped into families. A family is either tuned (its pages may be looked at
// while tuning the splitter or the PDF route) or never tuned (held out: report on it, never tune
// on it). The split is fixed here, in code, so no one moves a template between the two.
import type { Rng } from '../lib/prng';
import { pageFoot, runningHead, storyHtml, type HeadPosition, type InsetQuote, type StoryStyle } from './html';
import type { SourcePage, Story } from './stories';

export interface Template {
  name: string;
  family: string;
  render(page: SourcePage, rng: Rng): string;
}

export interface Family {
  name: string;
  tuned: boolean;
  description: string;
}

export const FAMILIES: Family[] = [
  { name: 'flow', tuned: true, description: 'CSS multi-column flow: stories stacked down the page, each body in 2–5 columns, headline above' },
  { name: 'grid', tuned: true, description: 'CSS grid: a main column beside a rail of boxed briefs, or cells spanning 2–6 grid columns' },
  { name: 'frames', tuned: false, description: 'absolutely positioned frames packed like a real page; headline above or beside; some frames written to the content stream out of reading order' },
  { name: 'broadsheet', tuned: true, description: 'a lead story across the page, then a grid of stories beside a rail of boxed items under dark title bars' },
  { name: 'after', tuned: false, description: 'headlines after their bodies (below them, or on top but late in the content stream), 5–6 narrow columns, running head at the foot' },
  { name: 'vertical', tuned: false, description: 'short headlines set vertically beside their bodies, title bars, pull quotes that repeat a sentence, a rail of briefs' },
];

const chars = (story: Story) => story.paragraphs.join('').length + story.captions.join('').length;

function columnsFor(story: Story, widthShare: number, rng: Rng): number {
  const length = chars(story);
  const wanted = length > 2400 ? 5 : length > 1400 ? 4 : length > 700 ? 3 : length > 300 ? 2 : 1;
  return Math.max(1, Math.min(Math.round(6 * widthShare), wanted + rng.int(-1, 0)));
}

function headSizeFor(story: Story, lead: boolean, rng: Rng): number {
  if (lead) return rng.int(22, 28);
  return chars(story) > 1200 ? rng.int(17, 21) : rng.int(13, 16);
}

function style(story: Story, overrides: Partial<StoryStyle>, rng: Rng): StoryStyle {
  return { head: 'above', columns: 1, headSize: headSizeFor(story, false, rng), photo: false, boxed: false, ...overrides };
}

/** People a pull quote names when its words name no speaker of their own. */
const SPEAKERS = ['全国人大代表王建国', '村党支部书记李秀英', '企业负责人张海涛', '中国社会科学院研究员刘振华', '志愿者陈晓雯', '老党员赵德福'];

/**
 * The tuned families' pull quotes: a long story's words set again, large, inside its body, in the
 * forms papers print them (a whole sentence, a clause, a speaker's words with their name), left,
 * right or centred, boxed, ruled or barred. Drawn from the template's own `extras` source, so the
 * rest of the page is laid out as before.
 */
function insetQuote(story: Story, extras: Rng, chance: number, canSpan: boolean): InsetQuote | undefined {
  if (story.kind !== 'article' || chars(story) < 900 || !extras.chance(chance)) return undefined;
  return {
    form: extras.weighted({ sentence: 1, fragment: 1, attributed: 1 }),
    align: extras.weighted({ center: 2, left: 1, right: 1 }),
    frame: extras.weighted({ box: 1, rules: 2, bar: 1, none: 1 }),
    size: extras.int(11, 16),
    bold: extras.chance(0.5),
    width: extras.pick([1, 1, 0.85, 0.7]),
    span: canSpan && extras.chance(0.3),
    marks: extras.chance(0.4),
    at: extras.next(),
    pick: extras.next(),
    speaker: extras.pick(SPEAKERS),
  };
}

/**
 * A short headline set top to bottom beside its body, right (where vertical writing starts) or left
 * of it; some in a measure too short for it, so it runs on in a second vertical line.
 */
function uprightHead(story: Story, extras: Rng, chance: number): Partial<StoryStyle> {
  if (story.kind !== 'article' || story.title.length > 18 || chars(story) < 500 || !extras.chance(chance)) return {};
  const side = extras.chance(0.6) ? 'right' : 'left';
  const rule = extras.chance(0.4);
  const headSize = extras.int(14, 20);
  const maxHeight = extras.chance(0.4) ? extras.int(40, 60) : undefined;
  if (maxHeight === undefined && story.title.length > 12) return {};
  return { head: 'upright', upright: { side, rule, maxHeight }, headSize };
}

/**
 * A headline printed under its body, as some pages set a story's head: drawn from a source of its
 * own, so the pages laid out before are laid out the same except for the stories it picks.
 */
function headAfter(story: Story, afterHeads: Rng, chance: number): Partial<StoryStyle> {
  return story.kind === 'article' && afterHeads.chance(chance) ? { head: 'after' } : {};
}

function pageShell(page: SourcePage, rng: Rng, content: string, headAtFoot = false): string {
  const head = runningHead(page, rng);
  const foot = pageFoot(page, rng);
  return `<div class="pg">${headAtFoot ? '' : head}${content}${foot}${headAtFoot ? head : ''}</div>`;
}

/** Stories with long text first in the lead slot; photo stories may wander. */
function leadIndex(stories: Story[]): number {
  let best = 0;
  stories.forEach((s, i) => {
    if (s.kind === 'article' && chars(s) > chars(stories[best]!) * 1.2 && i < 3) best = i;
  });
  return best;
}

const flowStack: Template = {
  name: 'flow-stack',
  family: 'flow',
  render(page, rng) {
    const lead = leadIndex(page.stories);
    const extras = rng.fork('extras');
    const afterHeads = rng.fork('after');
    const blocks: string[] = [];
    let shorts: string[] = [];
    const flushShorts = () => {
      if (shorts.length === 0) return;
      blocks.push(`<div style="columns:${Math.min(5, Math.max(2, shorts.length))};column-gap:5mm;column-rule:0.3pt solid #999;margin-bottom:4mm">${shorts.join('')}</div>`);
      shorts = [];
    };
    page.stories.forEach((story, i) => {
      if (i !== lead && chars(story) < 700) {
        shorts.push(storyHtml(story, style(story, { headSize: rng.int(12, 15), boxed: rng.chance(0.15) }, rng), rng));
        return;
      }
      flushShorts();
      const isLead = i === lead;
      const columns = columnsFor(story, 1, rng);
      const own = { headSize: headSizeFor(story, isLead, rng), photo: isLead || rng.chance(0.3) };
      const extra = { ...(isLead ? {} : uprightHead(story, extras, 0.45)), inset: insetQuote(story, extras, 0.5, columns > 1) };
      const after = isLead || extra.head ? {} : headAfter(story, afterHeads, 0.35);
      blocks.push(storyHtml(story, style(story, { columns, ...own, ...extra, ...after }, rng), rng));
    });
    flushShorts();
    return pageShell(page, rng, blocks.join(''));
  },
};

const flowBand: Template = {
  name: 'flow-band',
  family: 'flow',
  render(page, rng) {
    // One flow of 4–6 columns down the whole page; the lead's headline spans every column.
    const count = rng.int(4, 6);
    const lead = leadIndex(page.stories);
    const extras = rng.fork('extras');
    const parts = page.stories.map((story, i) => {
      if (i === lead) {
        const s = style(story, { headSize: headSizeFor(story, true, rng), photo: true }, rng);
        return storyHtml(story, s, rng).replace('<header class="head">', '<header class="head" style="column-span:all">');
      }
      const own = { photo: chars(story) > 1500 && rng.chance(0.4), boxed: chars(story) < 500 && rng.chance(0.3) };
      return storyHtml(story, style(story, { ...own, inset: insetQuote(story, extras, 0.4, false) }, rng), rng);
    });
    const css = 'break-inside:auto';
    return pageShell(page, rng, `<div style="columns:${count};column-gap:5mm;column-rule:0.3pt solid #999">${parts.join('').replace(/class="story /g, `style="${css}" class="story `)}</div>`);
  },
};

const gridRail: Template = {
  name: 'grid-rail',
  family: 'grid',
  render(page, rng) {
    // A main column and a rail of short items, boxed.
    const main: string[] = [];
    const rail: string[] = [];
    const lead = leadIndex(page.stories);
    const extras = rng.fork('extras');
    page.stories.forEach((story, i) => {
      if (i !== lead && chars(story) < 600) {
        rail.push(storyHtml(story, style(story, { boxed: rng.chance(0.6), headSize: rng.int(12, 14) }, rng), rng));
      } else {
        const columns = columnsFor(story, 0.72, rng);
        const own = { headSize: headSizeFor(story, i === lead, rng), photo: i === lead };
        const extra = { ...(i === lead ? {} : uprightHead(story, extras, 0.45)), inset: insetQuote(story, extras, 0.5, columns > 1) };
        main.push(storyHtml(story, style(story, { columns, ...own, ...extra }, rng), rng));
      }
    });
    const railLeft = rng.chance(0.3);
    const cols = railLeft ? '1fr 3fr' : '3fr 1fr';
    const mainDiv = `<div>${main.join('')}</div>`;
    const railDiv = `<div style="border-${railLeft ? 'right' : 'left'}:0.5pt solid #999;padding-${railLeft ? 'right' : 'left'}:4mm">${rail.join('')}</div>`;
    return pageShell(page, rng, `<div style="display:grid;grid-template-columns:${cols};gap:5mm">${railLeft ? railDiv + mainDiv : mainDiv + railDiv}</div>`);
  },
};

const gridCells: Template = {
  name: 'grid-cells',
  family: 'grid',
  render(page, rng) {
    // A 6-column grid; each story takes 2, 3, 4 or 6 grid columns by its length.
    const lead = leadIndex(page.stories);
    const extras = rng.fork('extras');
    const afterHeads = rng.fork('after');
    const cells = page.stories.map((story, i) => {
      const length = chars(story);
      const span = i === lead ? 6 : length > 1800 ? rng.pick([4, 6]) : length > 800 ? rng.pick([3, 4]) : rng.pick([2, 3]);
      const head: HeadPosition = span >= 4 && i !== lead && rng.chance(0.3) ? 'beside' : 'above';
      const columns = columnsFor(story, head === 'beside' ? (span / 6) * 0.7 : span / 6, rng);
      const own = { head, columns, headSize: headSizeFor(story, i === lead, rng), photo: i === lead || rng.chance(0.2), boxed: span === 2 && rng.chance(0.3) };
      const extra = { ...(span >= 3 && head === 'above' && i !== lead ? uprightHead(story, extras, 0.45) : {}), inset: insetQuote(story, extras, 0.5, columns > 1) };
      const after = i === lead || head !== 'above' || extra.head ? {} : headAfter(story, afterHeads, 0.35);
      const s = style(story, { ...own, ...extra, ...after }, rng);
      return storyHtml(story, s, rng, `grid-column:span ${span}`);
    });
    return pageShell(page, rng, `<div style="display:grid;grid-template-columns:repeat(6,1fr);gap:5mm;align-items:start;grid-auto-flow:row dense">${cells.join('')}</div>`);
  },
};

/** Frames placed by placeFrames (layout.ts) in the browser: each frame gets its span; DOM order may differ from placement order. */
function framesTemplate(name: string, shuffleStream: boolean): Template {
  return {
    name,
    family: 'frames',
    render(page, rng) {
      const lead = leadIndex(page.stories);
      const frames = page.stories.map((story, i) => {
        const length = chars(story);
        const span = i === lead ? rng.pick([4, 6]) : length > 2000 ? rng.pick([3, 4]) : length > 900 ? rng.pick([2, 3]) : rng.pick([1, 2]);
        const head: HeadPosition = span >= 3 && i !== lead && rng.chance(0.35) ? 'beside' : 'above';
        const s = style(story, { head, columns: Math.max(1, Math.min(span, columnsFor(story, span / 6, rng))), headSize: headSizeFor(story, i === lead, rng), photo: i === lead || rng.chance(0.25), boxed: span === 1 && rng.chance(0.4) }, rng);
        return { order: i, html: storyHtml(story, s, rng).replace('<section ', `<section data-frame="${i}" data-span="${span}" `) };
      });
      const written = shuffleStream ? rng.shuffle(frames) : frames;
      return pageShell(page, rng, `<div class="mosaic" style="position:relative">${written.map((f) => f.html).join('')}</div>`);
    },
  };
}

function afterTemplate(name: string, late: boolean): Template {
  return {
    name,
    family: 'after',
    render(page, rng) {
      const count = rng.int(5, 6);
      const blocks = page.stories.map((story, i) => {
        const head: HeadPosition = i === 0 && !late ? 'above' : late ? rng.pick(['above-late', 'above-late', 'beside'] as const) : rng.pick(['after', 'after', 'above'] as const);
        const columns = Math.min(count, columnsFor(story, 1, rng) + 1);
        return storyHtml(story, style(story, { head, columns, headSize: headSizeFor(story, i === 0, rng), photo: rng.chance(0.3), boxed: chars(story) < 500 && rng.chance(0.4), bodySize: 8.5 }, rng), rng, 'border-bottom:0.5pt solid #999;padding-bottom:3mm');
      });
      return pageShell(page, rng, blocks.join(''), rng.chance(0.6));
    },
  };
}

const broadsheetLead: Template = {
  name: 'broadsheet-lead',
  family: 'broadsheet',
  render(page, rng) {
    const lead = leadIndex(page.stories);
    const leadStory = page.stories[lead]!;
    const top = storyHtml(leadStory, style(leadStory, { columns: rng.int(4, 6), headSize: headSizeFor(leadStory, true, rng), photo: true }, rng), rng, 'text-align:left;border-bottom:1pt solid #333;padding-bottom:3mm');
    const main: string[] = [];
    const rail: string[] = [];
    const extras = rng.fork('extras');
    page.stories.forEach((story, i) => {
      if (i === lead) return;
      if (chars(story) < 900 && rail.length < 4) rail.push(storyHtml(story, style(story, { boxed: true, bar: rng.chance(0.5), headSize: rng.int(12, 14) }, rng), rng));
      else {
        const own = { head: (rng.chance(0.25) ? 'beside' : 'above') as HeadPosition, columns: columnsFor(story, 0.66, rng), photo: rng.chance(0.3) };
        const extra = { ...(own.head === 'above' ? uprightHead(story, extras, 0.45) : {}), inset: insetQuote(story, extras, 0.5, own.columns > 1) };
        main.push(storyHtml(story, style(story, { ...own, ...extra }, rng), rng));
      }
    });
    return pageShell(page, rng, `${top}<div style="display:grid;grid-template-columns:2fr 1fr;gap:5mm"><div>${main.join('')}</div><div>${rail.join('')}</div></div>`);
  },
};

const broadsheetSplit: Template = {
  name: 'broadsheet-split',
  family: 'broadsheet',
  render(page, rng) {
    // The longest story across the bottom in six columns; the others in three columns of stacked stories above it.
    const longest = page.stories.reduce((best, s, i) => (chars(s) > chars(page.stories[best]!) ? i : best), 0);
    const cols: string[][] = [[], [], []];
    const heights = [0, 0, 0];
    const extras = rng.fork('extras');
    page.stories.forEach((story, i) => {
      if (i === longest) return;
      const col = heights.indexOf(Math.min(...heights));
      const own = { bar: rng.chance(0.2), photo: rng.chance(0.2), boxed: chars(story) < 400 && rng.chance(0.4) };
      const extra = { ...(own.bar ? {} : uprightHead(story, extras, 0.35)), inset: insetQuote(story, extras, 0.4, false) };
      cols[col]!.push(storyHtml(story, style(story, { ...own, ...extra }, rng), rng));
      heights[col]! += chars(story) + 300;
    });
    const bottomStory = page.stories[longest]!;
    const bottom = storyHtml(bottomStory, style(bottomStory, { columns: 6, headSize: headSizeFor(bottomStory, true, rng), photo: rng.chance(0.5) }, rng), rng, 'border-top:1.2pt solid #333;padding-top:3mm');
    const upper = `<div style="display:grid;grid-template-columns:repeat(3,1fr);gap:5mm;column-rule:0.3pt solid #999">${cols.map((c) => `<div>${c.join('')}</div>`).join('')}</div>`;
    return pageShell(page, rng, rng.chance(0.5) ? upper + bottom : bottom + upper);
  },
};

function verticalStyle(story: Story, rng: Rng, columns: number): StoryStyle {
  const vertical = story.kind === 'article' && story.title.length <= 14 && !story.subtitle && rng.chance(0.7);
  return style(story, { head: vertical ? 'vertical' : 'above', columns, bar: !vertical && rng.chance(0.3), pullQuote: chars(story) > 1500, photo: rng.chance(0.25) }, rng);
}

const verticalHeads: Template = {
  name: 'vertical-heads',
  family: 'vertical',
  render(page, rng) {
    const blocks = page.stories.map((story) => storyHtml(story, verticalStyle(story, rng, columnsFor(story, 1, rng)), rng, 'border-bottom:0.5pt solid #999;padding-bottom:3mm'));
    return pageShell(page, rng, blocks.join(''));
  },
};

const verticalRail: Template = {
  name: 'vertical-rail',
  family: 'vertical',
  render(page, rng) {
    const rail: string[] = [];
    const main: string[] = [];
    page.stories.forEach((story, i) => {
      if (i > 0 && chars(story) < 500) rail.push(storyHtml(story, style(story, { bar: true, headSize: 12, bodySize: 8.5 }, rng), rng));
      else main.push(storyHtml(story, verticalStyle(story, rng, Math.min(3, columnsFor(story, 0.8, rng))), rng, i > 0 ? 'border-top:0.5pt solid #999;padding-top:3mm' : ''));
    });
    return pageShell(page, rng, `<div style="display:grid;grid-template-columns:1fr 4fr;gap:5mm"><div style="border-right:0.5pt solid #999;padding-right:3mm">${rail.join('')}</div><div>${main.join('')}</div></div>`);
  },
};

export const TEMPLATES: Template[] = [flowStack, flowBand, gridRail, gridCells, framesTemplate('frames-mosaic', false), framesTemplate('frames-stream', true), afterTemplate('after-below', false), afterTemplate('after-late', true), broadsheetLead, broadsheetSplit, verticalHeads, verticalRail];

export function familyOf(template: Template): Family {
  const family = FAMILIES.find((f) => f.name === template.family);
  if (!family) throw new Error(`template ${template.name}: unknown family ${template.family}`);
  return family;
}
