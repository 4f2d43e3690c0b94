const letters: string[] = [];

/** 1 -> A, 28 -> AB: column letters for A1 addresses in messages. */
export function columnLetters(col: number): string {
  const known = letters[col];
  if (known) return known;
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 20_000) letters[col] = out;
  return out;
}

export function address(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}
