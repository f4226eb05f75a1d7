// What a capture's layout already says about a line, before the splitter reads its shape.
// A PDF's font sizes and positions are stronger evidence than the text: a line set in headline
// type is a headline, a running head is furniture, a line in body type is not a headline.
import type { LineFacts, LineHint } from './model';

/** The lines' kinds with the layout's word taken over the splitter's guesses. */
export function applyLineHints(facts: LineFacts[], hints: readonly LineHint[] | undefined): LineFacts[] {
  if (!hints) return facts;
  facts.forEach((fact, i) => {
    const hint = hints[i];
    if (fact.kind === 'blank' || hint === undefined) return;
    if (hint === 'furniture') fact.kind = 'chrome';
    else if (hint === 'heading' || hint === 'kicker' || hint === 'subtitle') fact.kind = 'heading';
    else if (hint === 'byline') fact.kind = hint;
    else if (fact.kind === 'heading') fact.kind = 'body';
  });
  return facts;
}
