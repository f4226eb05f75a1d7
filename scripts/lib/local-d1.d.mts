export function applyLocalMigrations(options: { persistTo: string; config?: string; cwd?: string }): void;
