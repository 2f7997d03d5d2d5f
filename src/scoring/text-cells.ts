/** Writing values into CSV fields and Markdown table cells, for every export. */

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Text for one Markdown table cell: on one line, with pipes escaped. */
export const markdownCell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();

/** Points with their sign: +5, -3, 0. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
