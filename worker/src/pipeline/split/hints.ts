// What a capture's layout already says about a line, before the splitter reads its shape.
// A PDF's font sizes and positions are stronger evidence than the text: a line set in headline
// type is a headline, a running head is furniture, a line in body type is not a headline.
import type { Kind, LineHint } from './model';

/** The splitter's kinds with the layout's word taken over its guesses. */
export function applyLineHints(kinds: Kind[], hints: readonly LineHint[] | undefined): Kind[] {
  if (!hints) return kinds;
  for (let i = 0; i < kinds.length; i++) {
    const hint = hints[i];
    if (kinds[i] === 'blank' || hint === undefined) continue;
    if (hint === 'furniture') kinds[i] = 'chrome';
    else if (hint === 'heading' || hint === 'kicker' || hint === 'subtitle') kinds[i] = 'heading';
    else if (hint === 'byline') kinds[i] = hint;
    else if (kinds[i] === 'heading') kinds[i] = 'body';
  }
  return kinds;
}
