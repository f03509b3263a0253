/** Whole percent for a progress bar, or null when the fraction is unknown (indeterminate bar). */
export function progressPercent(fraction: number | null | undefined): number | null {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return null;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
