// Where the bench finds the repository and the shared corpus.
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const SEED_PAGE_PATH = path.join(CORPUS_DIR, 'seed-page.txt');
export const SEED_GOLD_PATH = path.join(CORPUS_DIR, 'seed-page.gold.json');
export const SUMMARIES_PATH = path.join(CORPUS_DIR, 'summaries-zh.jsonl');
