/** Each message is written once with both languages side by side, so neither can be forgotten. */
export type Bilingual = { ja: string; en: string };
export function defineMessages<const T extends Record<string, Bilingual>>(m: T): T {
  return m;
}
