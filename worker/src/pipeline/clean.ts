// Stage 1: normalize raw page text into lines. (First slice: trims and normalizes line endings.)
export interface CleanResult {
  text: string;
  lines: string[];
  /** Number of blank-line separated blocks. */
  blocks: number;
}

export function cleanText(raw: string): CleanResult {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map((line) => line.trim());
  let blocks = 0;
  let inBlock = false;
  for (const line of lines) {
    if (line && !inBlock) blocks++;
    inBlock = line.length > 0;
  }
  return { text, lines, blocks };
}
